/**
 * The system-call layer, and the only package that uses {@code java.lang.foreign}: libc and raw syscalls
 * through the native linker with errno captured, and the byte layouts of the kernel structures each bpf()
 * command takes. Not exported: its API is byte arrays and ints for {@code dev.bpf4j.kernel} to wrap.
 */
package dev.bpf4j.kernel.sys;

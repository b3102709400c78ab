/**
 * The userspace eBPF virtual machine: memory as bounds-checked regions (stack, input, map values,
 * context), the interpreter, userspace maps and the helper registry. A program that misbehaves stops with
 * a {@link dev.bpf4j.vm.VmException}; it can never corrupt the VM or crash the JVM.
 */
package dev.bpf4j.vm;

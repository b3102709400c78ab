/**
 * The commands that work on eBPF programs without a kernel: {@code asm}, {@code disasm}, {@code exec} and
 * {@code conformance}, with the loading of a program file (raw bytecode, assembly text or ELF object)
 * they share and the conformance suite's {@code .data} format.
 */
package dev.bpf4j.cli.vm;

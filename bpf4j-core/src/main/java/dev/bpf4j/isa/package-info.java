/**
 * The eBPF instruction set as RFC 9669 defines it, as values: {@link dev.bpf4j.isa.RawInsn} is the lossless
 * 8-byte wire form (either byte order), {@link dev.bpf4j.isa.Insn} a sealed model of what each instruction
 * means, and {@link dev.bpf4j.isa.Program} a list of them with labels, which encodes to bytes and decodes
 * from them, rejecting every encoding the RFC leaves invalid. Nothing here touches a kernel or runs code.
 */
package dev.bpf4j.isa;

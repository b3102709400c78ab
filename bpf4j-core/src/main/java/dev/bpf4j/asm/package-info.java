/**
 * Text and Java front ends to the instruction model: an assembler that reads both the uBPF syntax of the
 * conformance suite ({@code mov32 %r0, 0}) and the LLVM/kernel syntax ({@code w0 = 0}), a disassembler
 * that prints either, and a builder DSL for writing programs in Java with labels.
 */
package dev.bpf4j.asm;

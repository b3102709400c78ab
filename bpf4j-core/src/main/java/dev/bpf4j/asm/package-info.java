/**
 * Text and Java front ends to the instruction model. {@link dev.bpf4j.asm.Assembler} reads both the uBPF
 * syntax of the conformance suite ({@code mov32 %r0, 0}) and the LLVM/kernel syntax ({@code w0 = 0}), mixed
 * freely, including lines pasted from {@code llvm-objdump -d}; {@link dev.bpf4j.asm.Disassembler} prints
 * either syntax ({@link dev.bpf4j.asm.Syntax}), as plain re-assemblable text, as an {@code llvm-objdump}
 * listing, or one instruction at a time for diagnostics; {@link dev.bpf4j.asm.ProgramBuilder} writes programs
 * in Java with labels and symbolic map references. Parsers and formatters for each syntax are package-private.
 */
package dev.bpf4j.asm;

package dev.bpf4j.asm;

/**
 * The two assembly spellings bpf4j reads and writes. Both re-assemble: {@link Assembler} accepts either,
 * even mixed line by line.
 */
public enum Syntax {
    /**
     * The LLVM/kernel syntax, as {@code llvm-objdump -d} prints it ({@code w0 = 0x0},
     * {@code r0 = *(u16 *)(r1 + 0x2)}); what users see from clang's tools and close to the verifier log.
     */
    LLVM,
    /** The uBPF syntax of the bpf_conformance suite ({@code mov32 %r0, 0}, {@code ldxh %r0, [%r1+2]}). */
    UBPF
}

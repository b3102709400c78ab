package dev.bpf4j.isa;

/**
 * The second operand of an ALU or conditional-jump instruction: a register (source {@code X}) or a 32-bit
 * immediate (source {@code K}), RFC 9669 section 3.1.
 */
public sealed interface Operand permits Reg, Imm {
}

package dev.bpf4j.isa;

/**
 * A 32-bit immediate operand. Where it takes part in 64-bit arithmetic or comparison it is sign-extended,
 * as RFC 9669 section 3.1 requires.
 *
 * @param value the immediate as stored in the instruction's {@code imm} field
 */
public record Imm(int value) implements Operand {
    /** Convenience factory: {@code Imm.of(5)}. */
    public static Imm of(int value) {
        return new Imm(value);
    }
}

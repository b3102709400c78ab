package dev.bpf4j.isa;

/**
 * The eleven eBPF registers (RFC 9669 section 2.4): R0 return value, R1-R5 arguments, R6-R9 callee-saved,
 * R10 the read-only frame pointer.
 */
public enum Reg implements Operand {
    R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10;

    private static final Reg[] ALL = values();

    /** The register number as encoded in the {@code dst_reg}/{@code src_reg} nibbles. */
    public int number() {
        return ordinal();
    }

    /**
     * The register with this number.
     *
     * @throws IllegalArgumentException if {@code n} is not 0..10
     */
    public static Reg of(int n) {
        if (n < 0 || n >= ALL.length) {
            throw new IllegalArgumentException("no register r" + n + " (eBPF has r0..r10)");
        }
        return ALL[n];
    }
}

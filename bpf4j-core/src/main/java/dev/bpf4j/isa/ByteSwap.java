package dev.bpf4j.isa;

/**
 * The three byte-swap instructions of RFC 9669 section 4.2: convert to little-endian ({@code le}, ALU class,
 * source K), to big-endian ({@code be}, ALU class, source X) and unconditional swap ({@code bswap}, ALU64
 * class, source K). On the little-endian hosts eBPF runs on, {@code le} only truncates.
 */
public enum ByteSwap {
    TO_LE(Opcodes.CLASS_ALU, Opcodes.SRC_K, "le"),
    TO_BE(Opcodes.CLASS_ALU, Opcodes.SRC_X, "be"),
    BSWAP(Opcodes.CLASS_ALU64, Opcodes.SRC_K, "bswap");

    private final int insnClass;
    private final int source;
    private final String mnemonic;

    ByteSwap(int insnClass, int source, String mnemonic) {
        this.insnClass = insnClass;
        this.source = source;
        this.mnemonic = mnemonic;
    }

    /** The opcode of this swap. */
    public int opcode() {
        return insnClass | source | Opcodes.ALU_END;
    }

    /** The mnemonic stem: {@code le}, {@code be} or {@code bswap}; the width follows it. */
    public String mnemonic() {
        return mnemonic;
    }

    /** The swap encoded by {@code opcode}, or {@code null}. */
    public static ByteSwap ofOpcode(int opcode) {
        for (ByteSwap s : values()) {
            if (s.opcode() == opcode) {
                return s;
            }
        }
        return null;
    }
}

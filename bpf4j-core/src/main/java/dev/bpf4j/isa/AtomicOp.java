package dev.bpf4j.isa;

/**
 * The atomic read-modify-write operations of RFC 9669 section 5.3, carried in the {@code imm} field of an
 * {@code STX | ATOMIC} instruction. {@code XCHG} and {@code CMPXCHG} always fetch; the others fetch when
 * {@link Insn.Atomic#fetch()} is set.
 */
public enum AtomicOp {
    ADD(Opcodes.ATOMIC_ADD, "add"),
    OR(Opcodes.ATOMIC_OR, "or"),
    AND(Opcodes.ATOMIC_AND, "and"),
    XOR(Opcodes.ATOMIC_XOR, "xor"),
    XCHG(Opcodes.ATOMIC_XCHG, "xchg"),
    CMPXCHG(Opcodes.ATOMIC_CMPXCHG, "cmpxchg");

    private final int code;
    private final String mnemonic;

    AtomicOp(int code, String mnemonic) {
        this.code = code;
        this.mnemonic = mnemonic;
    }

    /** The {@code imm} value without the fetch bit (XCHG and CMPXCHG include it). */
    public int code() {
        return code;
    }

    /** The lower-case name used in both assembler syntaxes. */
    public String mnemonic() {
        return mnemonic;
    }

    /** True for the operations that always return the old value. */
    public boolean alwaysFetches() {
        return this == XCHG || this == CMPXCHG;
    }

    /** Decodes an {@code imm}; returns {@code null} if it names no atomic operation. */
    public static AtomicOp ofImm(int imm) {
        for (AtomicOp op : values()) {
            if (op.alwaysFetches() ? imm == op.code : (imm & ~Opcodes.ATOMIC_FETCH) == op.code) {
                return op;
            }
        }
        return null;
    }
}

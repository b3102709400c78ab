package dev.bpf4j.isa;

/**
 * The conditional jumps of RFC 9669 section 4.3. Unconditional {@code ja}, {@code call} and {@code exit}
 * share the jump class but are modelled by their own {@link Insn} records.
 */
public enum JumpOp {
    JEQ(Opcodes.JMP_JEQ, "jeq", "==", false),
    JGT(Opcodes.JMP_JGT, "jgt", ">", false),
    JGE(Opcodes.JMP_JGE, "jge", ">=", false),
    JSET(Opcodes.JMP_JSET, "jset", "&", false),
    JNE(Opcodes.JMP_JNE, "jne", "!=", false),
    JSGT(Opcodes.JMP_JSGT, "jsgt", "s>", true),
    JSGE(Opcodes.JMP_JSGE, "jsge", "s>=", true),
    JLT(Opcodes.JMP_JLT, "jlt", "<", false),
    JLE(Opcodes.JMP_JLE, "jle", "<=", false),
    JSLT(Opcodes.JMP_JSLT, "jslt", "s<", true),
    JSLE(Opcodes.JMP_JSLE, "jsle", "s<=", true);

    private final int code;
    private final String mnemonic;
    private final String llvmOperator;
    private final boolean signed;

    JumpOp(int code, String mnemonic, String llvmOperator, boolean signed) {
        this.code = code;
        this.mnemonic = mnemonic;
        this.llvmOperator = llvmOperator;
        this.signed = signed;
    }

    /** The operation code (high four bits of the opcode). */
    public int code() {
        return code;
    }

    /** The uBPF mnemonic stem ({@code jeq}, ...), without the 32 suffix. */
    public String mnemonic() {
        return mnemonic;
    }

    /** The LLVM/kernel syntax comparison operator ({@code ==}, {@code s>}, ...). */
    public String llvmOperator() {
        return llvmOperator;
    }

    /** True if the comparison treats its operands as signed. */
    public boolean signed() {
        return signed;
    }

    /** The condition for an operation code, or {@code null} if it is not a conditional jump. */
    public static JumpOp of(int code) {
        for (JumpOp op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        return null;
    }
}

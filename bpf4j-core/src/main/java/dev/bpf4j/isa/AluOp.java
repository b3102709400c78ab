package dev.bpf4j.isa;

/**
 * The arithmetic operations of RFC 9669 section 4.1, each with the operation code and the {@code offset}
 * value that selects it: {@code sdiv}/{@code smod} are {@code div}/{@code mod} with offset 1, and
 * {@code movsx} is {@code mov} with offset 8, 16 or 32 (the width sign-extended from).
 */
public enum AluOp {
    ADD(Opcodes.ALU_ADD, 0, "add", "+="),
    SUB(Opcodes.ALU_SUB, 0, "sub", "-="),
    MUL(Opcodes.ALU_MUL, 0, "mul", "*="),
    DIV(Opcodes.ALU_DIV, 0, "div", "/="),
    SDIV(Opcodes.ALU_DIV, 1, "sdiv", "s/="),
    OR(Opcodes.ALU_OR, 0, "or", "|="),
    AND(Opcodes.ALU_AND, 0, "and", "&="),
    LSH(Opcodes.ALU_LSH, 0, "lsh", "<<="),
    RSH(Opcodes.ALU_RSH, 0, "rsh", ">>="),
    NEG(Opcodes.ALU_NEG, 0, "neg", "= -"),
    MOD(Opcodes.ALU_MOD, 0, "mod", "%="),
    SMOD(Opcodes.ALU_MOD, 1, "smod", "s%="),
    XOR(Opcodes.ALU_XOR, 0, "xor", "^="),
    MOV(Opcodes.ALU_MOV, 0, "mov", "="),
    MOVSX8(Opcodes.ALU_MOV, 8, "movsx8", "= (s8)"),
    MOVSX16(Opcodes.ALU_MOV, 16, "movsx16", "= (s16)"),
    MOVSX32(Opcodes.ALU_MOV, 32, "movsx32", "= (s32)"),
    ARSH(Opcodes.ALU_ARSH, 0, "arsh", "s>>=");

    private final int code;
    private final int offset;
    private final String mnemonic;
    private final String llvmOperator;

    AluOp(int code, int offset, String mnemonic, String llvmOperator) {
        this.code = code;
        this.offset = offset;
        this.mnemonic = mnemonic;
        this.llvmOperator = llvmOperator;
    }

    /** The operation code (high four bits of the opcode). */
    public int code() {
        return code;
    }

    /** The {@code offset} field value that selects this operation (0 for most). */
    public int offset() {
        return offset;
    }

    /** The uBPF mnemonic stem ({@code add}, {@code sdiv}, ...), without the 32/64 suffix. */
    public String mnemonic() {
        return mnemonic;
    }

    /** The LLVM/kernel syntax operator ({@code +=}, {@code s/=}, {@code = (s8)}, ...). */
    public String llvmOperator() {
        return llvmOperator;
    }

    /** True for the sign-extending moves. */
    public boolean isMovsx() {
        return code == Opcodes.ALU_MOV && offset != 0;
    }

    /**
     * The operation for an operation code and offset, or {@code null} if the pair is not defined by
     * RFC 9669 (the byte-swap code {@code END} is modelled by {@link Insn.Endian}, not here).
     */
    public static AluOp of(int code, int offset) {
        for (AluOp op : values()) {
            if (op.code == code && op.offset == offset) {
                return op;
            }
        }
        return null;
    }
}

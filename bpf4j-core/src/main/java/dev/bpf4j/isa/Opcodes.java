package dev.bpf4j.isa;

/**
 * The numeric constants of RFC 9669's opcode byte: classes (low 3 bits), ALU/JMP operation codes and the
 * source bit, load/store sizes and modes, atomic operation codes and the pseudo sources of calls and
 * 64-bit immediate loads. These are wire facts; the rest of the API speaks in enums.
 */
public final class Opcodes {
    private Opcodes() {
    }

    // Instruction classes (RFC 9669 section 3).
    public static final int CLASS_LD = 0x00;
    public static final int CLASS_LDX = 0x01;
    public static final int CLASS_ST = 0x02;
    public static final int CLASS_STX = 0x03;
    public static final int CLASS_ALU = 0x04;
    public static final int CLASS_JMP = 0x05;
    public static final int CLASS_JMP32 = 0x06;
    public static final int CLASS_ALU64 = 0x07;

    // Source bit of ALU and JMP instructions.
    public static final int SRC_K = 0x00;
    public static final int SRC_X = 0x08;

    // ALU operation codes (section 4.1).
    public static final int ALU_ADD = 0x00;
    public static final int ALU_SUB = 0x10;
    public static final int ALU_MUL = 0x20;
    public static final int ALU_DIV = 0x30;
    public static final int ALU_OR = 0x40;
    public static final int ALU_AND = 0x50;
    public static final int ALU_LSH = 0x60;
    public static final int ALU_RSH = 0x70;
    public static final int ALU_NEG = 0x80;
    public static final int ALU_MOD = 0x90;
    public static final int ALU_XOR = 0xa0;
    public static final int ALU_MOV = 0xb0;
    public static final int ALU_ARSH = 0xc0;
    public static final int ALU_END = 0xd0;

    // Jump operation codes (section 4.3).
    public static final int JMP_JA = 0x00;
    public static final int JMP_JEQ = 0x10;
    public static final int JMP_JGT = 0x20;
    public static final int JMP_JGE = 0x30;
    public static final int JMP_JSET = 0x40;
    public static final int JMP_JNE = 0x50;
    public static final int JMP_JSGT = 0x60;
    public static final int JMP_JSGE = 0x70;
    public static final int JMP_CALL = 0x80;
    public static final int JMP_EXIT = 0x90;
    public static final int JMP_JLT = 0xa0;
    public static final int JMP_JLE = 0xb0;
    public static final int JMP_JSLT = 0xc0;
    public static final int JMP_JSLE = 0xd0;

    // Load/store sizes (section 5).
    public static final int SIZE_W = 0x00;
    public static final int SIZE_H = 0x08;
    public static final int SIZE_B = 0x10;
    public static final int SIZE_DW = 0x18;

    // Load/store modes.
    public static final int MODE_IMM = 0x00;
    public static final int MODE_ABS = 0x20;
    public static final int MODE_IND = 0x40;
    public static final int MODE_MEM = 0x60;
    public static final int MODE_MEMSX = 0x80;
    public static final int MODE_ATOMIC = 0xc0;

    // Atomic operations, carried in imm (section 5.3).
    public static final int ATOMIC_FETCH = 0x01;
    public static final int ATOMIC_ADD = 0x00;
    public static final int ATOMIC_OR = 0x40;
    public static final int ATOMIC_AND = 0x50;
    public static final int ATOMIC_XOR = 0xa0;
    public static final int ATOMIC_XCHG = 0xe0 | ATOMIC_FETCH;
    public static final int ATOMIC_CMPXCHG = 0xf0 | ATOMIC_FETCH;

    // src_reg of a CALL (section 4.3.1).
    public static final int CALL_HELPER = 0;
    public static final int CALL_LOCAL = 1;
    public static final int CALL_KFUNC = 2;

    /** The class bits of an opcode. */
    public static int classOf(int opcode) {
        return opcode & 0x07;
    }
}

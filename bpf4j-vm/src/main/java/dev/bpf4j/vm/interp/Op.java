package dev.bpf4j.vm.interp;

/**
 * The interpreter's own dense opcodes: one per (operation, width, operand kind) so the execute loop is a
 * single {@code tableswitch} with no further decoding. The ALU block is {@code AluOp.ordinal() * 4 +
 * (32-bit ? 2 : 0) + (immediate ? 1 : 0)}, the conditional-jump block the same from {@link #JUMP_BASE}
 * over {@code JumpOp}; {@link Predecoder} relies on that layout (checked by a test).
 *
 * <p>Pre-decoded word layout: bits 0-7 opcode, 8-11 dst, 12-15 src, 16-31 signed offset (memory offset, or a
 * conditional jump's distance in instructions), 32-63 imm (immediate; helper id; absolute target of a local
 * call; distance of {@code ja}; index into the constants of {@code lddw}).
 */
final class Op {
    private Op() {
    }

    static final int ADD64_X = 0, ADD64_K = 1, ADD32_X = 2, ADD32_K = 3;
    static final int SUB64_X = 4, SUB64_K = 5, SUB32_X = 6, SUB32_K = 7;
    static final int MUL64_X = 8, MUL64_K = 9, MUL32_X = 10, MUL32_K = 11;
    static final int DIV64_X = 12, DIV64_K = 13, DIV32_X = 14, DIV32_K = 15;
    static final int SDIV64_X = 16, SDIV64_K = 17, SDIV32_X = 18, SDIV32_K = 19;
    static final int OR64_X = 20, OR64_K = 21, OR32_X = 22, OR32_K = 23;
    static final int AND64_X = 24, AND64_K = 25, AND32_X = 26, AND32_K = 27;
    static final int LSH64_X = 28, LSH64_K = 29, LSH32_X = 30, LSH32_K = 31;
    static final int RSH64_X = 32, RSH64_K = 33, RSH32_X = 34, RSH32_K = 35;
    static final int NEG64_X = 36, NEG64_K = 37, NEG32_X = 38, NEG32_K = 39;
    static final int MOD64_X = 40, MOD64_K = 41, MOD32_X = 42, MOD32_K = 43;
    static final int SMOD64_X = 44, SMOD64_K = 45, SMOD32_X = 46, SMOD32_K = 47;
    static final int XOR64_X = 48, XOR64_K = 49, XOR32_X = 50, XOR32_K = 51;
    static final int MOV64_X = 52, MOV64_K = 53, MOV32_X = 54, MOV32_K = 55;
    static final int MOVSX864_X = 56, MOVSX864_K = 57, MOVSX832_X = 58, MOVSX832_K = 59;
    static final int MOVSX1664_X = 60, MOVSX1664_K = 61, MOVSX1632_X = 62, MOVSX1632_K = 63;
    static final int MOVSX3264_X = 64, MOVSX3264_K = 65, MOVSX3232_X = 66, MOVSX3232_K = 67;
    static final int ARSH64_X = 68, ARSH64_K = 69, ARSH32_X = 70, ARSH32_K = 71;
    static final int JUMP_BASE = 72;
    static final int JEQ64_X = 72, JEQ64_K = 73, JEQ32_X = 74, JEQ32_K = 75;
    static final int JGT64_X = 76, JGT64_K = 77, JGT32_X = 78, JGT32_K = 79;
    static final int JGE64_X = 80, JGE64_K = 81, JGE32_X = 82, JGE32_K = 83;
    static final int JSET64_X = 84, JSET64_K = 85, JSET32_X = 86, JSET32_K = 87;
    static final int JNE64_X = 88, JNE64_K = 89, JNE32_X = 90, JNE32_K = 91;
    static final int JSGT64_X = 92, JSGT64_K = 93, JSGT32_X = 94, JSGT32_K = 95;
    static final int JSGE64_X = 96, JSGE64_K = 97, JSGE32_X = 98, JSGE32_K = 99;
    static final int JLT64_X = 100, JLT64_K = 101, JLT32_X = 102, JLT32_K = 103;
    static final int JLE64_X = 104, JLE64_K = 105, JLE32_X = 106, JLE32_K = 107;
    static final int JSLT64_X = 108, JSLT64_K = 109, JSLT32_X = 110, JSLT32_K = 111;
    static final int JSLE64_X = 112, JSLE64_K = 113, JSLE32_X = 114, JSLE32_K = 115;
    static final int LE16 = 116, LE32 = 117, LE64 = 118, BE16 = 119, BE32 = 120, BE64 = 121;
    static final int BSWAP16 = 122, BSWAP32 = 123, BSWAP64 = 124;
    static final int JA = 125;
    static final int CALL_HELPER = 126, CALL_LOCAL = 127, CALLX = 128, CALL_KFUNC = 129, EXIT = 130;
    static final int LDXB = 131, LDXH = 132, LDXW = 133, LDXDW = 134, LDXSB = 135, LDXSH = 136, LDXSW = 137;
    static final int STB = 138, STH = 139, STW = 140, STDW = 141;
    static final int STXB = 142, STXH = 143, STXW = 144, STXDW = 145;
    static final int ATOMIC_W = 146, ATOMIC_DW = 147;
    static final int LDDW = 148;
    static final int LDABS_B = 149, LDABS_H = 150, LDABS_W = 151, LDIND_B = 152, LDIND_H = 153, LDIND_W = 154;
    /** The sentinel after the last instruction: running into it means the program has no exit on that path. */
    static final int FALL_OFF = 155;

    /**
     * Superinstructions: a 64-bit {@code mov dst, src} fused with the 64-bit ALU instruction after it on the same
     * {@code dst} (the three-address idiom clang emits everywhere). Word: dst, src of the mov, the second
     * instruction's src register in bits 16-19 and its imm in 32-63. They count as two instructions; the
     * second's own word stays in place, so nothing else changes. See {@link Fuser}.
     */
    static final int MOV_ADD_X = 156, MOV_ADD_K = 157, MOV_LSH_K = 158, MOV_RSH_K = 159, MOV_AND_K = 160,
            MOV_MUL_X = 161, MOV_XOR_X = 162, MOV_ARSH_K = 163, MOV_MUL_K = 164, MOV_OR_X = 165, MOV_SUB_X = 166,
            MOV_AND_X = 167;

    /**
     * Superinstructions for loop back-edges: a 64-bit {@code add dst} followed by a 64-bit register compare
     * of that {@code dst} ({@code dst += k; if dst < src goto}). For the K form: s = the jump's src, imm = the
     * add's imm; for the X form: s = the add's src, imm = the jump's src. The offset is the jump's, relative
     * to the instruction after the jump.
     */
    static final int ADDK_JLT = 168, ADDK_JNE = 169, ADDK_JGT = 170, ADDX_JLT = 171, ADDX_JNE = 172,
            ADDX_JGT = 173;

    /** The 32-bit {@code mov} pairs, laid out like the 64-bit ones. */
    static final int MOV32_ADD_K = 174, MOV32_ADD_X = 175, MOV32_AND_K = 176, MOV32_XOR_X = 177, MOV32_LSH_K = 178,
            MOV32_RSH_K = 179, MOV32_OR_X = 180;
}

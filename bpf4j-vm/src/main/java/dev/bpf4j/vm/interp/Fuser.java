package dev.bpf4j.vm.interp;

/**
 * A peephole pass over pre-decoded words that fuses {@code mov dst, src} with the following 64-bit ALU
 * instruction on the same {@code dst} into one superinstruction ({@link Op#MOV_ADD_X} and friends), halving
 * the dispatches of the idiom. Only when the second instruction is no jump target, call target or function
 * address, so every path into it still finds its own, unchanged word.
 */
final class Fuser {
    private Fuser() {
    }

    /** Fuses in place; {@code consts} is scanned for function addresses. */
    static void fuse(long[] words, long[] consts) {
        int n = words.length - 1;
        boolean[] target = targets(words, consts, n);
        // Read the original words: a pair may start where another pair ends (each word only reads itself).
        long[] orig = words.clone();
        for (int i = 0; i + 1 < n; i++) {
            long w = orig[i];
            long next = orig[i + 1];
            if (target[i + 1]) {
                continue;
            }
            int op = (int) w & 0xff;
            if (op == Op.ADD64_K || op == Op.ADD64_X) {
                fuseBackEdge(words, i, w, next);
                continue;
            }
            if (op == Op.MOV32_X) {
                fuseMov32(words, i, w, next);
                continue;
            }
            if (op != Op.MOV64_X) {
                continue;
            }
            int d = ((int) w >>> 8) & 0xf;
            if ((((int) next >>> 8) & 0xf) != d) {
                continue;
            }
            int fused = switch ((int) next & 0xff) {
                case Op.ADD64_X -> Op.MOV_ADD_X;
                case Op.ADD64_K -> Op.MOV_ADD_K;
                case Op.LSH64_K -> Op.MOV_LSH_K;
                case Op.RSH64_K -> Op.MOV_RSH_K;
                case Op.ARSH64_K -> Op.MOV_ARSH_K;
                case Op.AND64_K -> Op.MOV_AND_K;
                case Op.AND64_X -> Op.MOV_AND_X;
                case Op.MUL64_X -> Op.MOV_MUL_X;
                case Op.MUL64_K -> Op.MOV_MUL_K;
                case Op.XOR64_X -> Op.MOV_XOR_X;
                case Op.OR64_X -> Op.MOV_OR_X;
                case Op.SUB64_X -> Op.MOV_SUB_X;
                default -> -1;
            };
            if (fused < 0) {
                continue;
            }
            int s2 = ((int) next >>> 12) & 0xf;
            words[i] = (w & 0xffffL & ~0xffL) | fused | (long) s2 << 16 | (next & 0xffff_ffff_0000_0000L);
        }
    }

    /** {@code w(dst) = w(src); w(dst) op= k/src2}: one word, laid out like the 64-bit pairs. */
    private static void fuseMov32(long[] words, int i, long w, long next) {
        int d = ((int) w >>> 8) & 0xf;
        if ((((int) next >>> 8) & 0xf) != d) {
            return;
        }
        int fused = switch ((int) next & 0xff) {
            case Op.ADD32_K -> Op.MOV32_ADD_K;
            case Op.ADD32_X -> Op.MOV32_ADD_X;
            case Op.AND32_K -> Op.MOV32_AND_K;
            case Op.XOR32_X -> Op.MOV32_XOR_X;
            case Op.LSH32_K -> Op.MOV32_LSH_K;
            case Op.RSH32_K -> Op.MOV32_RSH_K;
            case Op.OR32_X -> Op.MOV32_OR_X;
            default -> -1;
        };
        if (fused >= 0) {
            long s2 = ((int) next >>> 12) & 0xf;
            words[i] = (w & 0xff00L) | fused | s2 << 16 | (next & 0xffff_ffff_0000_0000L);
        }
    }

    /** {@code dst += k/src; if dst (<, !=, >) src2 goto}: one word. */
    private static void fuseBackEdge(long[] words, int i, long w, long next) {
        int d = ((int) w >>> 8) & 0xf;
        if ((((int) next >>> 8) & 0xf) != d) {
            return;
        }
        boolean k = ((int) w & 0xff) == Op.ADD64_K;
        int fused = switch ((int) next & 0xff) {
            case Op.JLT64_X -> k ? Op.ADDK_JLT : Op.ADDX_JLT;
            case Op.JNE64_X -> k ? Op.ADDK_JNE : Op.ADDX_JNE;
            case Op.JGT64_X -> k ? Op.ADDK_JGT : Op.ADDX_JGT;
            default -> -1;
        };
        if (fused < 0) {
            return;
        }
        long jumpSrc = ((int) next >>> 12) & 0xf;
        long off = next & 0xffff_0000L;
        words[i] = k
                ? fused | (long) d << 8 | jumpSrc << 12 | off | (w & 0xffff_ffff_0000_0000L)
                : fused | (long) d << 8 | (w & 0xf000L) | off | jumpSrc << 32;
    }

    private static boolean[] targets(long[] words, long[] consts, int n) {
        boolean[] t = new boolean[n + 1];
        for (int pc = 0; pc < n; pc++) {
            long w = words[pc];
            int op = (int) w & 0xff;
            if (op >= Op.JUMP_BASE && op < Op.LE16) {
                mark(t, pc + 1 + (short) (w >>> 16));
            } else if (op == Op.JA) {
                mark(t, pc + 1 + (int) (w >> 32));
            } else if (op == Op.CALL_LOCAL) {
                mark(t, (int) (w >> 32));
            }
        }
        for (long c : consts) {
            if (dev.bpf4j.vm.Memory.regionOf(c) == dev.bpf4j.vm.Memory.CODE_REGION) {
                mark(t, (int) c);
            }
        }
        return t;
    }

    private static void mark(boolean[] t, int i) {
        if (i >= 0 && i < t.length) {
            t[i] = true;
        }
    }
}

package dev.bpf4j.vm.interp;

import dev.bpf4j.vm.Memory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The execute loop: one {@code tableswitch} over the dense {@link Op} codes of pre-decoded words, registers
 * in a {@code long[16]} (indices are 4-bit fields, so the JIT drops their bounds checks), memory through
 * little-endian {@link VarHandle}s after one region check per access. Kept to one compact method so HotSpot
 * compiles it whole (it refuses methods over 8000 bytes of bytecode); rare operations live in
 * {@link Machine} and {@link Atomics}.
 *
 * <p>Semantics are RFC 9669's: 32-bit operations zero-extend; immediates are sign-extended for 64-bit
 * operations and comparisons; shift counts are masked to 63 or 31 (Java does the same); division by zero
 * gives 0 and modulo by zero leaves {@code dst} (truncated to 32 bits in the 32-bit form); signed
 * {@code INT_MIN / -1} is {@code INT_MIN} and {@code INT_MIN % -1} is 0 (Java's own overflow rules).
 *
 * <p>The instruction count is exact: a superinstruction ({@link Fuser}) counts as the two instructions it
 * replaces. The budget is checked before each dispatch, so a run that exhausts it may have executed one
 * instruction more than the budget when the last dispatch was a superinstruction.
 */
final class Engine {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Engine() {
    }

    /** The array holding {@code [a, a + size)}, or a fault naming the instruction. */
    private static byte[] at(byte[][] t, long a, int size, boolean write, Code cur, int pc, Memory mem) {
        int id = (int) (a >>> 32);
        int off = (int) a;
        if (id >= 0 && id < t.length) {
            byte[] m = t[id];
            if (m != null && off >= 0 && off <= m.length - size) {
                return m;
            }
        }
        throw mem.fault(a, size, write, cur.slotOf(pc));
    }

    /**
     * Runs {@code entry} from its first instruction with {@code r1}, {@code r2} set, until the entry function
     * exits, and returns {@code r0}. The count of executed instructions is left in {@code m.executed}.
     */
    static long execute(Machine m, Code entry, long r1, long r2) {
        final long[] r = m.regs;
        final Memory mem = m.memory;
        final long budget = m.budget;
        Code cur = entry;
        long[] code = cur.words();
        byte[][] t = mem.table();
        int pc = 0;
        long n = 0;
        r[1] = r1;
        r[2] = r2;
        r[10] = Memory.framePointer(0);
        try {
            for (;;) {
                final long w = code[pc++];
                if (++n > budget) {
                    n--;
                    throw m.budgetExceeded(cur, pc - 1);
                }
                final int d = ((int) w >>> 8) & 0xf;
                final int s = ((int) w >>> 12) & 0xf;
                switch ((int) w & 0xff) {
                case Op.ADD64_X -> r[d] = r[d] + r[s];
                case Op.ADD64_K -> r[d] = r[d] + (w >> 32);
                case Op.ADD32_X -> r[d] = ((int) r[d] + (int) r[s]) & 0xffffffffL;
                case Op.ADD32_K -> r[d] = ((int) r[d] + (int) (w >> 32)) & 0xffffffffL;
                case Op.SUB64_X -> r[d] = r[d] - r[s];
                case Op.SUB64_K -> r[d] = r[d] - (w >> 32);
                case Op.SUB32_X -> r[d] = ((int) r[d] - (int) r[s]) & 0xffffffffL;
                case Op.SUB32_K -> r[d] = ((int) r[d] - (int) (w >> 32)) & 0xffffffffL;
                case Op.MUL64_X -> r[d] = r[d] * r[s];
                case Op.MUL64_K -> r[d] = r[d] * (w >> 32);
                case Op.MUL32_X -> r[d] = ((int) r[d] * (int) r[s]) & 0xffffffffL;
                case Op.MUL32_K -> r[d] = ((int) r[d] * (int) (w >> 32)) & 0xffffffffL;
                case Op.DIV64_X -> r[d] = r[s] == 0 ? 0 : Long.divideUnsigned(r[d], r[s]);
                case Op.DIV64_K -> r[d] = (w >> 32) == 0 ? 0 : Long.divideUnsigned(r[d], (w >> 32));
                case Op.DIV32_X -> r[d] = ((int) r[s] == 0 ? 0 : Integer.divideUnsigned((int) r[d], (int) r[s])) & 0xffffffffL;
                case Op.DIV32_K -> r[d] = ((int) (w >> 32) == 0 ? 0 : Integer.divideUnsigned((int) r[d], (int) (w >> 32))) & 0xffffffffL;
                case Op.SDIV64_X -> r[d] = r[s] == 0 ? 0 : r[d] / r[s];
                case Op.SDIV64_K -> r[d] = (w >> 32) == 0 ? 0 : r[d] / (w >> 32);
                case Op.SDIV32_X -> r[d] = ((int) r[s] == 0 ? 0 : (int) r[d] / (int) r[s]) & 0xffffffffL;
                case Op.SDIV32_K -> r[d] = ((int) (w >> 32) == 0 ? 0 : (int) r[d] / (int) (w >> 32)) & 0xffffffffL;
                case Op.OR64_X -> r[d] = r[d] | r[s];
                case Op.OR64_K -> r[d] = r[d] | (w >> 32);
                case Op.OR32_X -> r[d] = ((int) r[d] | (int) r[s]) & 0xffffffffL;
                case Op.OR32_K -> r[d] = ((int) r[d] | (int) (w >> 32)) & 0xffffffffL;
                case Op.AND64_X -> r[d] = r[d] & r[s];
                case Op.AND64_K -> r[d] = r[d] & (w >> 32);
                case Op.AND32_X -> r[d] = ((int) r[d] & (int) r[s]) & 0xffffffffL;
                case Op.AND32_K -> r[d] = ((int) r[d] & (int) (w >> 32)) & 0xffffffffL;
                case Op.LSH64_X -> r[d] = r[d] << r[s];
                case Op.LSH64_K -> r[d] = r[d] << (w >> 32);
                case Op.LSH32_X -> r[d] = ((int) r[d] << (int) r[s]) & 0xffffffffL;
                case Op.LSH32_K -> r[d] = ((int) r[d] << (int) (w >> 32)) & 0xffffffffL;
                case Op.RSH64_X -> r[d] = r[d] >>> r[s];
                case Op.RSH64_K -> r[d] = r[d] >>> (w >> 32);
                case Op.RSH32_X -> r[d] = ((int) r[d] >>> (int) r[s]) & 0xffffffffL;
                case Op.RSH32_K -> r[d] = ((int) r[d] >>> (int) (w >> 32)) & 0xffffffffL;
                case Op.NEG64_X -> r[d] = -r[d];
                case Op.NEG64_K -> r[d] = -r[d];
                case Op.NEG32_X -> r[d] = (-(int) r[d]) & 0xffffffffL;
                case Op.NEG32_K -> r[d] = (-(int) r[d]) & 0xffffffffL;
                case Op.MOD64_X -> r[d] = r[s] == 0 ? r[d] : Long.remainderUnsigned(r[d], r[s]);
                case Op.MOD64_K -> r[d] = (w >> 32) == 0 ? r[d] : Long.remainderUnsigned(r[d], (w >> 32));
                case Op.MOD32_X -> r[d] = ((int) r[s] == 0 ? (int) r[d] : Integer.remainderUnsigned((int) r[d], (int) r[s])) & 0xffffffffL;
                case Op.MOD32_K -> r[d] = ((int) (w >> 32) == 0 ? (int) r[d] : Integer.remainderUnsigned((int) r[d], (int) (w >> 32))) & 0xffffffffL;
                case Op.SMOD64_X -> r[d] = r[s] == 0 ? r[d] : r[d] % r[s];
                case Op.SMOD64_K -> r[d] = (w >> 32) == 0 ? r[d] : r[d] % (w >> 32);
                case Op.SMOD32_X -> r[d] = ((int) r[s] == 0 ? (int) r[d] : (int) r[d] % (int) r[s]) & 0xffffffffL;
                case Op.SMOD32_K -> r[d] = ((int) (w >> 32) == 0 ? (int) r[d] : (int) r[d] % (int) (w >> 32)) & 0xffffffffL;
                case Op.XOR64_X -> r[d] = r[d] ^ r[s];
                case Op.XOR64_K -> r[d] = r[d] ^ (w >> 32);
                case Op.XOR32_X -> r[d] = ((int) r[d] ^ (int) r[s]) & 0xffffffffL;
                case Op.XOR32_K -> r[d] = ((int) r[d] ^ (int) (w >> 32)) & 0xffffffffL;
                case Op.MOV64_X -> r[d] = r[s];
                case Op.MOV64_K -> r[d] = (w >> 32);
                case Op.MOV32_X -> r[d] = ((int) r[s]) & 0xffffffffL;
                case Op.MOV32_K -> r[d] = ((int) (w >> 32)) & 0xffffffffL;
                case Op.MOVSX864_X -> r[d] = (byte) r[s];
                case Op.MOVSX864_K -> r[d] = (byte) (w >> 32);
                case Op.MOVSX832_X -> r[d] = ((byte) (int) r[s]) & 0xffffffffL;
                case Op.MOVSX832_K -> r[d] = ((byte) (int) (w >> 32)) & 0xffffffffL;
                case Op.MOVSX1664_X -> r[d] = (short) r[s];
                case Op.MOVSX1664_K -> r[d] = (short) (w >> 32);
                case Op.MOVSX1632_X -> r[d] = ((short) (int) r[s]) & 0xffffffffL;
                case Op.MOVSX1632_K -> r[d] = ((short) (int) (w >> 32)) & 0xffffffffL;
                case Op.MOVSX3264_X -> r[d] = (int) r[s];
                case Op.MOVSX3264_K -> r[d] = (int) (w >> 32);
                case Op.MOVSX3232_X -> r[d] = r[s] & 0xffffffffL; // not encodable (movsx32 is 64-bit only)
                case Op.MOVSX3232_K -> r[d] = (w >> 32) & 0xffffffffL; // not encodable
                case Op.ARSH64_X -> r[d] = r[d] >> r[s];
                case Op.ARSH64_K -> r[d] = r[d] >> (w >> 32);
                case Op.ARSH32_X -> r[d] = ((int) r[d] >> (int) r[s]) & 0xffffffffL;
                case Op.ARSH32_K -> r[d] = ((int) r[d] >> (int) (w >> 32)) & 0xffffffffL;
                case Op.JEQ64_X -> { if (r[d] == r[s]) { pc += (short) (w >>> 16); } }
                case Op.JEQ64_K -> { if (r[d] == (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JEQ32_X -> { if ((int) r[d] == (int) r[s]) { pc += (short) (w >>> 16); } }
                case Op.JEQ32_K -> { if ((int) r[d] == (int) (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JGT64_X -> { if (Long.compareUnsigned(r[d], r[s]) > 0) { pc += (short) (w >>> 16); } }
                case Op.JGT64_K -> { if (Long.compareUnsigned(r[d], (w >> 32)) > 0) { pc += (short) (w >>> 16); } }
                case Op.JGT32_X -> { if (Integer.compareUnsigned((int) r[d], (int) r[s]) > 0) { pc += (short) (w >>> 16); } }
                case Op.JGT32_K -> { if (Integer.compareUnsigned((int) r[d], (int) (w >> 32)) > 0) { pc += (short) (w >>> 16); } }
                case Op.JGE64_X -> { if (Long.compareUnsigned(r[d], r[s]) >= 0) { pc += (short) (w >>> 16); } }
                case Op.JGE64_K -> { if (Long.compareUnsigned(r[d], (w >> 32)) >= 0) { pc += (short) (w >>> 16); } }
                case Op.JGE32_X -> { if (Integer.compareUnsigned((int) r[d], (int) r[s]) >= 0) { pc += (short) (w >>> 16); } }
                case Op.JGE32_K -> { if (Integer.compareUnsigned((int) r[d], (int) (w >> 32)) >= 0) { pc += (short) (w >>> 16); } }
                case Op.JSET64_X -> { if ((r[d] & r[s]) != 0) { pc += (short) (w >>> 16); } }
                case Op.JSET64_K -> { if ((r[d] & (w >> 32)) != 0) { pc += (short) (w >>> 16); } }
                case Op.JSET32_X -> { if (((int) r[d] & (int) r[s]) != 0) { pc += (short) (w >>> 16); } }
                case Op.JSET32_K -> { if (((int) r[d] & (int) (w >> 32)) != 0) { pc += (short) (w >>> 16); } }
                case Op.JNE64_X -> { if (r[d] != r[s]) { pc += (short) (w >>> 16); } }
                case Op.JNE64_K -> { if (r[d] != (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JNE32_X -> { if ((int) r[d] != (int) r[s]) { pc += (short) (w >>> 16); } }
                case Op.JNE32_K -> { if ((int) r[d] != (int) (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JSGT64_X -> { if (r[d] > r[s]) { pc += (short) (w >>> 16); } }
                case Op.JSGT64_K -> { if (r[d] > (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JSGT32_X -> { if ((int) r[d] > (int) r[s]) { pc += (short) (w >>> 16); } }
                case Op.JSGT32_K -> { if ((int) r[d] > (int) (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JSGE64_X -> { if (r[d] >= r[s]) { pc += (short) (w >>> 16); } }
                case Op.JSGE64_K -> { if (r[d] >= (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JSGE32_X -> { if ((int) r[d] >= (int) r[s]) { pc += (short) (w >>> 16); } }
                case Op.JSGE32_K -> { if ((int) r[d] >= (int) (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JLT64_X -> { if (Long.compareUnsigned(r[d], r[s]) < 0) { pc += (short) (w >>> 16); } }
                case Op.JLT64_K -> { if (Long.compareUnsigned(r[d], (w >> 32)) < 0) { pc += (short) (w >>> 16); } }
                case Op.JLT32_X -> { if (Integer.compareUnsigned((int) r[d], (int) r[s]) < 0) { pc += (short) (w >>> 16); } }
                case Op.JLT32_K -> { if (Integer.compareUnsigned((int) r[d], (int) (w >> 32)) < 0) { pc += (short) (w >>> 16); } }
                case Op.JLE64_X -> { if (Long.compareUnsigned(r[d], r[s]) <= 0) { pc += (short) (w >>> 16); } }
                case Op.JLE64_K -> { if (Long.compareUnsigned(r[d], (w >> 32)) <= 0) { pc += (short) (w >>> 16); } }
                case Op.JLE32_X -> { if (Integer.compareUnsigned((int) r[d], (int) r[s]) <= 0) { pc += (short) (w >>> 16); } }
                case Op.JLE32_K -> { if (Integer.compareUnsigned((int) r[d], (int) (w >> 32)) <= 0) { pc += (short) (w >>> 16); } }
                case Op.JSLT64_X -> { if (r[d] < r[s]) { pc += (short) (w >>> 16); } }
                case Op.JSLT64_K -> { if (r[d] < (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JSLT32_X -> { if ((int) r[d] < (int) r[s]) { pc += (short) (w >>> 16); } }
                case Op.JSLT32_K -> { if ((int) r[d] < (int) (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JSLE64_X -> { if (r[d] <= r[s]) { pc += (short) (w >>> 16); } }
                case Op.JSLE64_K -> { if (r[d] <= (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.JSLE32_X -> { if ((int) r[d] <= (int) r[s]) { pc += (short) (w >>> 16); } }
                case Op.JSLE32_K -> { if ((int) r[d] <= (int) (w >> 32)) { pc += (short) (w >>> 16); } }
                case Op.LE16 -> r[d] = r[d] & 0xffff;
                case Op.LE32 -> r[d] = r[d] & 0xffffffffL;
                case Op.LE64 -> { }
                case Op.BE16, Op.BSWAP16 -> r[d] = Character.reverseBytes((char) r[d]);
                case Op.BE32, Op.BSWAP32 -> r[d] = Integer.reverseBytes((int) r[d]) & 0xffffffffL;
                case Op.BE64, Op.BSWAP64 -> r[d] = Long.reverseBytes(r[d]);
                case Op.JA -> pc += (int) (w >> 32);
                case Op.LDXB -> {
                    long a = r[s] + (short) (w >>> 16);
                    r[d] = at(t, a, 1, false, cur, pc - 1, mem)[(int) a] & 0xffL;
                }
                case Op.LDXH -> {
                    long a = r[s] + (short) (w >>> 16);
                    r[d] = (short) I16.get(at(t, a, 2, false, cur, pc - 1, mem), (int) a) & 0xffffL;
                }
                case Op.LDXW -> {
                    long a = r[s] + (short) (w >>> 16);
                    r[d] = (int) I32.get(at(t, a, 4, false, cur, pc - 1, mem), (int) a) & 0xffffffffL;
                }
                case Op.LDXDW -> {
                    long a = r[s] + (short) (w >>> 16);
                    r[d] = (long) I64.get(at(t, a, 8, false, cur, pc - 1, mem), (int) a);
                }
                case Op.LDXSB -> {
                    long a = r[s] + (short) (w >>> 16);
                    r[d] = at(t, a, 1, false, cur, pc - 1, mem)[(int) a];
                }
                case Op.LDXSH -> {
                    long a = r[s] + (short) (w >>> 16);
                    r[d] = (short) I16.get(at(t, a, 2, false, cur, pc - 1, mem), (int) a);
                }
                case Op.LDXSW -> {
                    long a = r[s] + (short) (w >>> 16);
                    r[d] = (int) I32.get(at(t, a, 4, false, cur, pc - 1, mem), (int) a);
                }
                case Op.STB -> {
                    long a = r[d] + (short) (w >>> 16);
                    at(t, a, 1, true, cur, pc - 1, mem)[(int) a] = (byte) (w >> 32);
                }
                case Op.STH -> {
                    long a = r[d] + (short) (w >>> 16);
                    I16.set(at(t, a, 2, true, cur, pc - 1, mem), (int) a, (short) (w >> 32));
                }
                case Op.STW -> {
                    long a = r[d] + (short) (w >>> 16);
                    I32.set(at(t, a, 4, true, cur, pc - 1, mem), (int) a, (int) (w >> 32));
                }
                case Op.STDW -> {
                    long a = r[d] + (short) (w >>> 16);
                    I64.set(at(t, a, 8, true, cur, pc - 1, mem), (int) a, w >> 32);
                }
                case Op.STXB -> {
                    long a = r[d] + (short) (w >>> 16);
                    at(t, a, 1, true, cur, pc - 1, mem)[(int) a] = (byte) r[s];
                }
                case Op.STXH -> {
                    long a = r[d] + (short) (w >>> 16);
                    I16.set(at(t, a, 2, true, cur, pc - 1, mem), (int) a, (short) r[s]);
                }
                case Op.STXW -> {
                    long a = r[d] + (short) (w >>> 16);
                    I32.set(at(t, a, 4, true, cur, pc - 1, mem), (int) a, (int) r[s]);
                }
                case Op.STXDW -> {
                    long a = r[d] + (short) (w >>> 16);
                    I64.set(at(t, a, 8, true, cur, pc - 1, mem), (int) a, r[s]);
                }
                case Op.ATOMIC_W, Op.ATOMIC_DW -> Atomics.execute(mem, w, r, d, s, cur, pc - 1);
                case Op.LDDW -> r[d] = cur.consts()[(int) (w >>> 32)];
                case Op.LDABS_B, Op.LDABS_H, Op.LDABS_W, Op.LDIND_B, Op.LDIND_H, Op.LDIND_W -> {
                    long v = m.packetLoad(w, r[s]);
                    if (v < 0) {
                        r[0] = 0;
                        return 0;
                    }
                    r[0] = v;
                }
                case Op.CALL_HELPER -> {
                    r[0] = m.callHelper((int) (w >> 32), cur, pc - 1);
                    t = mem.table();
                    Code tail = m.takeTailCall();
                    if (tail != null) {
                        cur = tail;
                        code = cur.words();
                        pc = 0;
                    }
                }
                case Op.CALL_LOCAL -> {
                    m.push(cur, pc);
                    pc = (int) (w >> 32);
                }
                case Op.CALLX -> {
                    long target = r[d];
                    if (Memory.regionOf(target) == Memory.CODE_REGION) {
                        int to = m.checkFunction(target, cur, pc - 1);
                        m.push(cur, pc);
                        pc = to;
                    } else {
                        r[0] = m.callHelper(m.helperIdOf(target, cur, pc - 1), cur, pc - 1);
                        t = mem.table();
                    Code tail = m.takeTailCall();
                        if (tail != null) {
                            cur = tail;
                            code = cur.words();
                            pc = 0;
                        }
                    }
                }
                case Op.EXIT -> {
                    if (m.depth == 0) {
                        return r[0];
                    }
                    pc = m.pop();
                    cur = m.frameCode();
                    code = cur.words();
                }
                case Op.MOV_ADD_X -> {
                    r[d] = r[s];
                    r[d] += r[(int) (w >>> 16) & 0xf];
                    pc++;
                    n++;
                }
                case Op.MOV_ADD_K -> {
                    r[d] = r[s];
                    r[d] += w >> 32;
                    pc++;
                    n++;
                }
                case Op.MOV_LSH_K -> {
                    r[d] = r[s];
                    r[d] <<= w >> 32;
                    pc++;
                    n++;
                }
                case Op.MOV_RSH_K -> {
                    r[d] = r[s];
                    r[d] >>>= w >> 32;
                    pc++;
                    n++;
                }
                case Op.MOV_ARSH_K -> {
                    r[d] = r[s];
                    r[d] >>= w >> 32;
                    pc++;
                    n++;
                }
                case Op.MOV_AND_K -> {
                    r[d] = r[s];
                    r[d] &= w >> 32;
                    pc++;
                    n++;
                }
                case Op.MOV_AND_X -> {
                    r[d] = r[s];
                    r[d] &= r[(int) (w >>> 16) & 0xf];
                    pc++;
                    n++;
                }
                case Op.MOV_MUL_X -> {
                    r[d] = r[s];
                    r[d] *= r[(int) (w >>> 16) & 0xf];
                    pc++;
                    n++;
                }
                case Op.MOV_MUL_K -> {
                    r[d] = r[s];
                    r[d] *= w >> 32;
                    pc++;
                    n++;
                }
                case Op.MOV_XOR_X -> {
                    r[d] = r[s];
                    r[d] ^= r[(int) (w >>> 16) & 0xf];
                    pc++;
                    n++;
                }
                case Op.MOV_OR_X -> {
                    r[d] = r[s];
                    r[d] |= r[(int) (w >>> 16) & 0xf];
                    pc++;
                    n++;
                }
                case Op.MOV_SUB_X -> {
                    r[d] = r[s];
                    r[d] -= r[(int) (w >>> 16) & 0xf];
                    pc++;
                    n++;
                }
                case Op.ADDK_JLT -> {
                    r[d] += w >> 32;
                    n++;
                    pc += Long.compareUnsigned(r[d], r[s]) < 0 ? 1 + (short) (w >>> 16) : 1;
                }
                case Op.ADDK_JNE -> {
                    r[d] += w >> 32;
                    n++;
                    pc += r[d] != r[s] ? 1 + (short) (w >>> 16) : 1;
                }
                case Op.ADDK_JGT -> {
                    r[d] += w >> 32;
                    n++;
                    pc += Long.compareUnsigned(r[d], r[s]) > 0 ? 1 + (short) (w >>> 16) : 1;
                }
                case Op.ADDX_JLT -> {
                    r[d] += r[s];
                    n++;
                    pc += Long.compareUnsigned(r[d], r[(int) (w >>> 32) & 0xf]) < 0 ? 1 + (short) (w >>> 16) : 1;
                }
                case Op.ADDX_JNE -> {
                    r[d] += r[s];
                    n++;
                    pc += r[d] != r[(int) (w >>> 32) & 0xf] ? 1 + (short) (w >>> 16) : 1;
                }
                case Op.ADDX_JGT -> {
                    r[d] += r[s];
                    n++;
                    pc += Long.compareUnsigned(r[d], r[(int) (w >>> 32) & 0xf]) > 0 ? 1 + (short) (w >>> 16) : 1;
                }
                case Op.MOV32_ADD_K -> {
                    r[d] = r[s] & 0xffffffffL;
                    r[d] = ((int) r[d] + (int) (w >> 32)) & 0xffffffffL;
                    pc++;
                    n++;
                }
                case Op.MOV32_ADD_X -> {
                    r[d] = r[s] & 0xffffffffL;
                    r[d] = ((int) r[d] + (int) r[(int) (w >>> 16) & 0xf]) & 0xffffffffL;
                    pc++;
                    n++;
                }
                case Op.MOV32_AND_K -> {
                    r[d] = r[s] & 0xffffffffL;
                    r[d] = ((int) r[d] & (int) (w >> 32)) & 0xffffffffL;
                    pc++;
                    n++;
                }
                case Op.MOV32_XOR_X -> {
                    r[d] = r[s] & 0xffffffffL;
                    r[d] = ((int) r[d] ^ (int) r[(int) (w >>> 16) & 0xf]) & 0xffffffffL;
                    pc++;
                    n++;
                }
                case Op.MOV32_LSH_K -> {
                    r[d] = r[s] & 0xffffffffL;
                    r[d] = ((int) r[d] << (int) (w >> 32)) & 0xffffffffL;
                    pc++;
                    n++;
                }
                case Op.MOV32_RSH_K -> {
                    r[d] = r[s] & 0xffffffffL;
                    r[d] = ((int) r[d] >>> (int) (w >> 32)) & 0xffffffffL;
                    pc++;
                    n++;
                }
                case Op.MOV32_OR_X -> {
                    r[d] = r[s] & 0xffffffffL;
                    r[d] = ((int) r[d] | (int) r[(int) (w >>> 16) & 0xf]) & 0xffffffffL;
                    pc++;
                    n++;
                }
                case Op.CALL_KFUNC -> throw m.kfunc((int) (w >> 32), cur, pc - 1);
                default -> throw m.fellOff(cur, pc - 1);
                }
            }
        } finally {
            m.executed = n;
        }
    }
}

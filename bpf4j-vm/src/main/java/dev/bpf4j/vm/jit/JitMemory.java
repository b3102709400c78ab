package dev.bpf4j.vm.jit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Memory accesses of generated code, with the interpreter's checks: the address's region comes from the
 * region table ({@link dev.bpf4j.vm.Memory#table()}), the whole access must lie inside it, and a bad access
 * raises the same {@link dev.bpf4j.vm.MemoryFaultException} (instruction slot, address, region) before any
 * byte changes. Small static methods, so HotSpot inlines them into the program's code. The {@code s*}
 * variants access the current stack frame at an index the compiler already proved in bounds ({@code r10}
 * plus a constant offset); the {@code i*} variants try the input memory's array first (the fast path for
 * pointers into the packet) and fall back to the region table.
 */
final class JitMemory {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private JitMemory() {
    }

    /** The array holding {@code [a, a + size)}, or the fault naming instruction slot {@code slot}. */
    static byte[] at(byte[][] t, long a, int size, boolean write, int slot, JitRuntime rt) {
        int id = (int) (a >>> 32);
        int off = (int) a;
        if (id >= 0 && id < t.length) {
            byte[] m = t[id];
            if (m != null && off >= 0 && off <= m.length - size) {
                return m;
            }
        }
        throw rt.memory().fault(a, size, write, slot);
    }

    /** The address of the input memory's first byte. */
    private static final long INPUT = (long) dev.bpf4j.vm.Memory.INPUT_REGION << 32;
    /** Stands in for absent input memory, so the fast path needs no null check. */
    static final byte[] NO_INPUT = new byte[0];

    /** The input memory's array, or {@link #NO_INPUT}: loaded once per function call. */
    static byte[] input(byte[][] t) {
        byte[] in = t[dev.bpf4j.vm.Memory.INPUT_REGION];
        return in == null ? NO_INPUT : in;
    }

    static long ildb(byte[] in, byte[][] t, long a, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        return rel >= 0 && rel <= in.length - 1 ? in[(int) rel] & 0xffL : ldb(t, a, slot, rt);
    }

    static long ildh(byte[] in, byte[][] t, long a, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        return rel >= 0 && rel <= in.length - 2 ? (short) I16.get(in, (int) rel) & 0xffffL : ldh(t, a, slot, rt);
    }

    static long ildw(byte[] in, byte[][] t, long a, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        return rel >= 0 && rel <= in.length - 4 ? (int) I32.get(in, (int) rel) & 0xffffffffL : ldw(t, a, slot, rt);
    }

    static long ilddw(byte[] in, byte[][] t, long a, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        return rel >= 0 && rel <= in.length - 8 ? (long) I64.get(in, (int) rel) : lddw(t, a, slot, rt);
    }

    static long ildsb(byte[] in, byte[][] t, long a, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        return rel >= 0 && rel <= in.length - 1 ? in[(int) rel] : ldsb(t, a, slot, rt);
    }

    static long ildsh(byte[] in, byte[][] t, long a, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        return rel >= 0 && rel <= in.length - 2 ? (short) I16.get(in, (int) rel) : ldsh(t, a, slot, rt);
    }

    static long ildsw(byte[] in, byte[][] t, long a, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        return rel >= 0 && rel <= in.length - 4 ? (int) I32.get(in, (int) rel) : ldsw(t, a, slot, rt);
    }

    static void istb(byte[] in, byte[][] t, long a, long v, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        if (rel >= 0 && rel <= in.length - 1) {
            in[(int) rel] = (byte) v;
        } else {
            stb(t, a, v, slot, rt);
        }
    }

    static void isth(byte[] in, byte[][] t, long a, long v, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        if (rel >= 0 && rel <= in.length - 2) {
            I16.set(in, (int) rel, (short) v);
        } else {
            sth(t, a, v, slot, rt);
        }
    }

    static void istw(byte[] in, byte[][] t, long a, long v, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        if (rel >= 0 && rel <= in.length - 4) {
            I32.set(in, (int) rel, (int) v);
        } else {
            stw(t, a, v, slot, rt);
        }
    }

    static void istdw(byte[] in, byte[][] t, long a, long v, int slot, JitRuntime rt) {
        long rel = a - INPUT;
        if (rel >= 0 && rel <= in.length - 8) {
            I64.set(in, (int) rel, v);
        } else {
            stdw(t, a, v, slot, rt);
        }
    }

    static long ldb(byte[][] t, long a, int slot, JitRuntime rt) {
        return at(t, a, 1, false, slot, rt)[(int) a] & 0xffL;
    }

    static long ldh(byte[][] t, long a, int slot, JitRuntime rt) {
        return (short) I16.get(at(t, a, 2, false, slot, rt), (int) a) & 0xffffL;
    }

    static long ldw(byte[][] t, long a, int slot, JitRuntime rt) {
        return (int) I32.get(at(t, a, 4, false, slot, rt), (int) a) & 0xffffffffL;
    }

    static long lddw(byte[][] t, long a, int slot, JitRuntime rt) {
        return (long) I64.get(at(t, a, 8, false, slot, rt), (int) a);
    }

    static long ldsb(byte[][] t, long a, int slot, JitRuntime rt) {
        return at(t, a, 1, false, slot, rt)[(int) a];
    }

    static long ldsh(byte[][] t, long a, int slot, JitRuntime rt) {
        return (short) I16.get(at(t, a, 2, false, slot, rt), (int) a);
    }

    static long ldsw(byte[][] t, long a, int slot, JitRuntime rt) {
        return (int) I32.get(at(t, a, 4, false, slot, rt), (int) a);
    }

    static void stb(byte[][] t, long a, long v, int slot, JitRuntime rt) {
        at(t, a, 1, true, slot, rt)[(int) a] = (byte) v;
    }

    static void sth(byte[][] t, long a, long v, int slot, JitRuntime rt) {
        I16.set(at(t, a, 2, true, slot, rt), (int) a, (short) v);
    }

    static void stw(byte[][] t, long a, long v, int slot, JitRuntime rt) {
        I32.set(at(t, a, 4, true, slot, rt), (int) a, (int) v);
    }

    static void stdw(byte[][] t, long a, long v, int slot, JitRuntime rt) {
        I64.set(at(t, a, 8, true, slot, rt), (int) a, v);
    }

    static long sldb(byte[] s, int i) {
        return s[i] & 0xffL;
    }

    static long sldh(byte[] s, int i) {
        return (short) I16.get(s, i) & 0xffffL;
    }

    static long sldw(byte[] s, int i) {
        return (int) I32.get(s, i) & 0xffffffffL;
    }

    static long slddw(byte[] s, int i) {
        return (long) I64.get(s, i);
    }

    static long sldsb(byte[] s, int i) {
        return s[i];
    }

    static long sldsh(byte[] s, int i) {
        return (short) I16.get(s, i);
    }

    static long sldsw(byte[] s, int i) {
        return (int) I32.get(s, i);
    }

    static void sstb(byte[] s, int i, long v) {
        s[i] = (byte) v;
    }

    static void ssth(byte[] s, int i, long v) {
        I16.set(s, i, (short) v);
    }

    static void sstw(byte[] s, int i, long v) {
        I32.set(s, i, (int) v);
    }

    static void sstdw(byte[] s, int i, long v) {
        I64.set(s, i, v);
    }
}

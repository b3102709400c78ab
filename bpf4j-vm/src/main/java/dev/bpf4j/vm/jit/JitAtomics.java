package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Opcodes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The atomic instructions of RFC 9669 section 5.3 for generated code, indivisible for real: each
 * read-modify-write holds the region array's monitor, so programs on several threads updating the same
 * map value or shared memory with atomics never lose an update. (The JDK's byte-array view
 * {@link VarHandle}s have no atomic access modes for heap {@code byte[]}, whose elements are not
 * guaranteed 8-byte aligned, so the monitor is the portable way; uncontended, HotSpot makes it a few
 * nanoseconds.) Misaligned accesses are allowed as in the interpreter. Each method returns the old value
 * (32-bit forms zero-extended); the caller puts it in the fetch register when the instruction fetches.
 */
final class JitAtomics {
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private JitAtomics() {
    }

    /** {@code op} (an {@code AtomicOp} code without the fetch bit, not cmpxchg) on 8 bytes at {@code a}. */
    static long rmw64(byte[][] t, long a, long v, int op, int slot, JitRuntime rt) {
        byte[] m = JitMemory.at(t, a, 8, true, slot, rt);
        int i = (int) a;
        synchronized (m) {
            long old = (long) I64.get(m, i);
            I64.set(m, i, apply(op, old, v));
            return old;
        }
    }

    /** {@code op} on 4 bytes at {@code a}; returns the old value zero-extended. */
    static long rmw32(byte[][] t, long a, long v, int op, int slot, JitRuntime rt) {
        byte[] m = JitMemory.at(t, a, 4, true, slot, rt);
        int i = (int) a;
        synchronized (m) {
            int old = (int) I32.get(m, i);
            I32.set(m, i, (int) apply(op, old, v));
            return old & 0xffffffffL;
        }
    }

    /** {@code cmpxchg} on 8 bytes: stores {@code v} if the old value equals {@code expected}; returns the old. */
    static long cmpxchg64(byte[][] t, long a, long expected, long v, int slot, JitRuntime rt) {
        byte[] m = JitMemory.at(t, a, 8, true, slot, rt);
        int i = (int) a;
        synchronized (m) {
            long old = (long) I64.get(m, i);
            I64.set(m, i, old == expected ? v : old);
            return old;
        }
    }

    /** {@code cmpxchg} on 4 bytes, comparing with the low half of {@code expected}; the old value zero-extended. */
    static long cmpxchg32(byte[][] t, long a, long expected, long v, int slot, JitRuntime rt) {
        byte[] m = JitMemory.at(t, a, 4, true, slot, rt);
        int i = (int) a;
        synchronized (m) {
            int old = (int) I32.get(m, i);
            I32.set(m, i, old == (int) expected ? (int) v : old);
            return old & 0xffffffffL;
        }
    }

    private static long apply(int op, long old, long v) {
        return switch (op) {
            case Opcodes.ATOMIC_ADD -> old + v;
            case Opcodes.ATOMIC_OR -> old | v;
            case Opcodes.ATOMIC_AND -> old & v;
            case Opcodes.ATOMIC_XOR -> old ^ v;
            default -> v;
        };
    }
}

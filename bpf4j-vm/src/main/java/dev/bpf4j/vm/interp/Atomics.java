package dev.bpf4j.vm.interp;

import dev.bpf4j.isa.Opcodes;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The atomic read-modify-write instructions of RFC 9669 section 5.3 ({@code add}, {@code or},
 * {@code and}, {@code xor}, each optionally with fetch, {@code xchg}, {@code cmpxchg}), 32 and 64 bits wide.
 * The VM runs a program on one thread, so plain read-then-write is atomic here. The 32-bit forms
 * zero-extend what they fetch into the register.
 */
final class Atomics {
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Atomics() {
    }

    /** Executes the atomic instruction {@code w} at instruction {@code pc}. */
    static void execute(Memory mem, long w, long[] r, int d, int s, Code cur, int pc) {
        boolean wide = ((int) w & 0xff) == Op.ATOMIC_DW;
        int size = wide ? 8 : 4;
        long a = r[d] + (short) (w >>> 16);
        byte[] m = mem.region(a, size);
        if (m == null) {
            throw mem.fault(a, size, true, cur.slotOf(pc));
        }
        int i = (int) a;
        long old = wide ? (long) I64.get(m, i) : (int) I32.get(m, i) & 0xffffffffL;
        int imm = (int) (w >> 32);
        long src = r[s];
        long result;
        boolean fetch = (imm & Opcodes.ATOMIC_FETCH) != 0;
        switch (imm) {
            case Opcodes.ATOMIC_ADD, Opcodes.ATOMIC_ADD | Opcodes.ATOMIC_FETCH -> result = old + src;
            case Opcodes.ATOMIC_OR, Opcodes.ATOMIC_OR | Opcodes.ATOMIC_FETCH -> result = old | src;
            case Opcodes.ATOMIC_AND, Opcodes.ATOMIC_AND | Opcodes.ATOMIC_FETCH -> result = old & src;
            case Opcodes.ATOMIC_XOR, Opcodes.ATOMIC_XOR | Opcodes.ATOMIC_FETCH -> result = old ^ src;
            case Opcodes.ATOMIC_XCHG -> result = src;
            case Opcodes.ATOMIC_CMPXCHG -> {
                long expected = wide ? r[0] : r[0] & 0xffffffffL;
                result = old == expected ? src : old;
                r[0] = old;
                fetch = false;
            }
            default -> throw new VmException(cur.slotOf(pc), String.format("unknown atomic operation 0x%x", imm));
        }
        if (wide) {
            I64.set(m, i, result);
        } else {
            I32.set(m, i, (int) result);
        }
        if (fetch) {
            r[s] = old;
        }
    }
}

package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.vm.Memory;
import java.lang.classfile.CodeBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * Which 8-byte stack slots can live in JVM locals instead of the frame's array: compiled C spills variables
 * to {@code r10 - 8k} with 64-bit loads and stores, and a local lets HotSpot keep them in machine registers.
 * Sound only when the frame's address never escapes (r10 is used solely as the base of loads and stores with
 * constant offsets: never copied, compared, passed or written) and every access touching the slot is an
 * aligned 64-bit load or store of exactly that slot. Promoted slots are loaded from the array when a function
 * starts and written back whenever the frame may be observed: at exit, before a tail call and when a run
 * stops with an error, so memory looks exactly as the interpreter leaves it.
 */
final class StackSlots {
    /** First JVM local used for promoted slots (after {@link Frame}'s fixed locals). */
    static final int FIRST_LOCAL = 34;
    private static final int SLOTS = Memory.STACK_SIZE / 8;

    /** Per 8-byte slot (index = byte offset / 8 from the frame's start), its JVM local, or -1. */
    private final int[] local = new int[SLOTS];
    private final int count;

    StackSlots(List<Insn> insns, boolean writesR10) {
        boolean escapes = writesR10;
        boolean[] dw = new boolean[SLOTS];
        boolean[] other = new boolean[SLOTS];
        for (Insn insn : insns) {
            switch (insn) {
                case Insn.Load l when l.src() == Reg.R10 -> access(l.offset(), l.size(), dw, other);
                case Insn.Store s -> {
                    if (s.dst() == Reg.R10) {
                        access(s.offset(), s.size(), dw, other);
                    }
                    escapes |= s.src() == Reg.R10;
                }
                case Insn.Load l -> { }
                case Insn.Alu a -> escapes |= a.src() == Reg.R10;
                case Insn.Jump j -> escapes |= j.dst() == Reg.R10 || j.src() == Reg.R10;
                case Insn.Atomic a -> escapes |= a.dst() == Reg.R10 || a.src() == Reg.R10;
                case Insn.PacketLoad p -> escapes |= p.src() == Reg.R10;
                case Insn.Call.Indirect x -> escapes |= x.reg() == Reg.R10;
                case Insn.Endian e -> { }
                case Insn.Goto g -> { }
                case Insn.LoadImm64 l -> { }
                case Insn.Call c -> { }
                case Insn.Exit e -> { }
            }
        }
        Arrays.fill(local, -1);
        int n = 0;
        for (int k = 0; k < SLOTS && !escapes ; k++) {
            if (dw[k] && !other[k]) {
                local[k] = FIRST_LOCAL + 2 * n++;
            }
        }
        this.count = n;
    }

    private static void access(int offset, MemSize size, boolean[] dw, boolean[] other) {
        int start = Memory.STACK_SIZE + offset;
        if (size == MemSize.DW && start % 8 == 0 && start >= 0 && start <= Memory.STACK_SIZE - 8) {
            dw[start / 8] = true;
            return;
        }
        for (int b = Math.max(0, start); b < Math.min(Memory.STACK_SIZE, start + size.bytes()); b++) {
            other[b / 8] = true;
        }
    }

    /** The JVM local holding the slot at {@code r10 + offset} for a {@code size} access, or -1. */
    int localOf(int offset, MemSize size) {
        int start = Memory.STACK_SIZE + offset;
        if (size != MemSize.DW || start % 8 != 0 || start < 0 || start > Memory.STACK_SIZE - 8) {
            return -1;
        }
        return local[start / 8];
    }

    /** Loads every promoted slot from the frame's array into its local. */
    void load(CodeBuilder cb) {
        for (int k = 0; k < SLOTS; k++) {
            if (local[k] >= 0) {
                cb.aload(Frame.STACK).loadConstant(8 * k).invokestatic(Frame.CD_MEMORY, "slddw", MemoryEmitter.STACK_LOAD)
                        .lstore(local[k]);
            }
        }
    }

    /** Writes every promoted slot back to the frame's array. */
    void store(CodeBuilder cb) {
        for (int k = 0; k < SLOTS; k++) {
            if (local[k] >= 0) {
                cb.aload(Frame.STACK).loadConstant(8 * k).lload(local[k])
                        .invokestatic(Frame.CD_MEMORY, "sstdw", MemoryEmitter.STACK_STORE);
            }
        }
    }

    /** How many slots are promoted. */
    int count() {
        return count;
    }
}

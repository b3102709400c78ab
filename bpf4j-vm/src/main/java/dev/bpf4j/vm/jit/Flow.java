package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The control flow the code generator needs: every jump, call and {@code lddw} of a function resolved to an
 * instruction index (with the interpreter's errors for targets that are not instructions), the functions
 * (the entry and every call or {@code lddw} target; each becomes one JVM method), the basic blocks (the
 * unit of the instruction budget) and which instructions each function reaches. Index {@code size()} stands
 * for "past the last instruction": reaching it is the fall-off error.
 */
final class Flow {
    /** Resolves an {@code lddw} of a map to the value it loads (as the interpreter does). */
    @FunctionalInterface
    interface MapResolver {
        /** The value for a map reference by fd or index ({@code imm}), or by name when {@code symbol} is set. */
        long resolve(PseudoSource source, long imm, String symbol);
    }

    final Program program;
    final List<Insn> insns;
    final int[] slots;
    /** Resolved target index per instruction (jump, goto, local call, lddw of a function), else -1. */
    final int[] target;
    /** True where a basic block starts. */
    final BitSet leaders = new BitSet();
    /** Function entry indices, ascending. */
    final TreeSet<Integer> functions = new TreeSet<>();
    /** Whether some instruction writes r10 (then stack accesses cannot be resolved at compile time). */
    final boolean writesR10;

    /** The longest basic block, in instructions. */
    static final int MAX_BLOCK = 256;
    /** The stack slots kept in JVM locals. */
    final StackSlots stack;
    /** The value each {@code lddw} loads (maps and functions resolved), by instruction index. */
    final long[] constant;

    /**
     * Resolves {@code program}; {@code maps} turns an {@code lddw} of a map (pseudo source, imm64, symbol) into
     * the value it loads, as the interpreter does, in the same instruction order (so the first error wins
     * the same way).
     */
    Flow(Program program, MapResolver maps) {
        this.program = program;
        this.insns = program.insns();
        this.slots = program.slotIndex();
        this.target = new int[insns.size()];
        this.constant = new long[insns.size()];
        Arrays.fill(target, -1);
        functions.add(0);
        leaders.set(0);
        boolean r10 = false;
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            switch (insn) {
                case Insn.Jump j -> {
                    target[i] = resolve(j.target(), i);
                    leaders.set(target[i]);
                    leaders.set(i + 1);
                }
                case Insn.Goto g -> {
                    target[i] = resolve(g.target(), i);
                    leaders.set(target[i]);
                    leaders.set(i + 1);
                }
                case Insn.Call.Local l -> {
                    target[i] = resolve(l.target(), i);
                    functions.add(target[i]);
                    leaders.set(target[i]);
                    leaders.set(i + 1);
                }
                case Insn.Call c -> leaders.set(i + 1);
                case Insn.Exit e -> leaders.set(i + 1);
                case Insn.LoadImm64 l when l.source() == PseudoSource.FUNC -> {
                    target[i] = l.symbol() != null ? label(l.symbol()) : resolve(new Target.Offset((int) l.imm()), i);
                    if (target[i] < insns.size()) {
                        functions.add(target[i]);
                        leaders.set(target[i]);
                    }
                    constant[i] = Memory.address(Memory.CODE_REGION, target[i]);
                }
                case Insn.LoadImm64 l -> constant[i] = l.source() == PseudoSource.IMM64 ? l.imm()
                        : maps.resolve(l.source(), l.imm(), l.symbol());
                default -> { }
            }
            r10 |= writes(insn) == Reg.R10;
        }
        this.writesR10 = r10;
        this.stack = new StackSlots(insns, r10);
        leaders.set(insns.size());
        // Cap block length: long straight-line code still gets regular count updates.
        for (int i = 0, last = 0; i < insns.size(); i++) {
            if (leaders.get(i) || i - last >= MAX_BLOCK) {
                leaders.set(i);
                last = i;
            }
        }
    }

    int size() {
        return insns.size();
    }

    /** The slot index of instruction {@code i} (of the end for {@code i == size()}), as errors name it. */
    int slot(int i) {
        return slots[Math.min(Math.max(i, 0), slots.length - 1)];
    }

    /** The register an instruction writes besides r0 (for the r10 check), or null. */
    private static Reg writes(Insn insn) {
        return switch (insn) {
            case Insn.Alu a -> a.dst();
            case Insn.Endian e -> e.dst();
            case Insn.Load l -> l.dst();
            case Insn.LoadImm64 l -> l.dst();
            case Insn.Atomic a -> a.fetch() ? a.src() : null;
            default -> null;
        };
    }

    /** The instructions a function starting at {@code entry} reaches without following calls (may hold size()). */
    BitSet reach(int entry) {
        BitSet seen = new BitSet();
        List<Integer> work = new ArrayList<>();
        work.add(entry);
        while (!work.isEmpty()) {
            int i = work.removeLast();
            if (seen.get(i)) {
                continue;
            }
            seen.set(i);
            if (i >= insns.size()) {
                continue;
            }
            switch (insns.get(i)) {
                case Insn.Jump j -> {
                    work.add(target[i]);
                    work.add(i + 1);
                }
                case Insn.Goto g -> work.add(target[i]);
                case Insn.Exit e -> { }
                default -> work.add(i + 1);
            }
        }
        return seen;
    }

    /** The last index of the basic block holding {@code i}. */
    int blockEnd(int i) {
        int next = leaders.nextSetBit(i + 1);
        return next < 0 ? insns.size() : Math.min(next - 1, insns.size());
    }

    /** For each slot, how many instructions of its block follow that slot's instruction (fault counting). */
    int[] slotTails() {
        int[] out = new int[slots[insns.size()] + 1];
        for (int i = 0; i < insns.size(); i++) {
            out[slots[i]] = blockEnd(i) - i;
        }
        return out;
    }

    /** The instruction index a target lands on; as in the interpreter, offsets count slots after the next. */
    private int resolve(Target t, int pc) {
        return switch (t) {
            case Target.Label(String name) -> label(name);
            case Target.Offset(int rel) -> {
                long slot = (long) slots[pc] + 1 + rel;
                int idx = Arrays.binarySearch(slots, 0, slots.length, (int) Math.max(0, Math.min(slot,
                        slots[slots.length - 1])));
                if (idx < 0 || slot != slots[idx]) {
                    throw new VmException(slots[pc], "target slot " + slot
                            + " is not the start of an instruction in this program");
                }
                yield idx;
            }
        };
    }

    private int label(String name) {
        Integer idx = program.labels().get(name);
        if (idx == null) {
            throw new VmException(0, "unknown label '" + name + "'");
        }
        return idx;
    }
}

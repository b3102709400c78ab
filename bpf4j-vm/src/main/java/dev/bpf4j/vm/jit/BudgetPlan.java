package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Insn;
import java.util.BitSet;

/**
 * Where a function checks its instruction budget. Counting stays per basic block (one add), but comparing
 * happens only at check points: the function's entry, every loop header (target of a backward jump), the
 * return point of every bpf-to-bpf call, and any block that two check points reach. Between check points
 * control flow only moves forward, so the most instructions a run can execute before the next check point
 * is a fixed {@link #lookahead}. At a check point, if the count plus that lookahead fits in the budget the
 * region runs unchecked; otherwise the run moves to the function's checked copy, which tests before each
 * instruction and stops at exactly the interpreter's instruction (it can run at most the lookahead before
 * that, so it never has to come back). Loops thus pay one compare per iteration,
 * not one per block.
 */
final class BudgetPlan {
    private final Flow flow;
    private final BitSet reach;
    /** Check points (block starts). */
    final BitSet checks = new BitSet();
    /** Per check point: the longest run of instructions from it to the next check point or exit. */
    final int[] lookahead;

    BudgetPlan(Flow flow, BitSet reach, int entry) {
        this.flow = flow;
        this.reach = reach;
        this.lookahead = new int[flow.size() + 1];
        checks.set(entry);
        for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
            if (i >= flow.size()) {
                continue;
            }
            switch (flow.insns.get(i)) {
                case Insn.Jump j -> backward(i, flow.target[i]);
                case Insn.Goto g -> backward(i, flow.target[i]);
                case Insn.Call.Local l -> checks.set(i + 1);
                case Insn.Call.Indirect x -> checks.set(i + 1);
                default -> { }
            }
        }
        owners();
        int[] longest = new int[flow.size() + 1];
        for (int b = reach.previousSetBit(flow.size()); b >= 0; b = reach.previousSetBit(b - 1)) {
            if (!flow.leaders.get(b)) {
                continue;
            }
            int end = flow.blockEnd(b);
            int best = 0;
            for (int s : successors(end)) {
                if (!checks.get(s)) {
                    best = Math.max(best, longest[s]);
                }
            }
            longest[b] = end - b + 1 + best;
            if (checks.get(b)) {
                lookahead[b] = longest[b];
            }
        }
    }

    private void backward(int from, int to) {
        if (to <= from) {
            checks.set(to);
        }
    }

    /** Makes every block that is reached from two check points' regions a check point itself. */
    private void owners() {
        int[] owner = new int[flow.size() + 1];
        java.util.Arrays.fill(owner, -1);
        for (int b = reach.nextSetBit(0); b >= 0; b = reach.nextSetBit(b + 1)) {
            if (!flow.leaders.get(b)) {
                continue;
            }
            if (checks.get(b)) {
                owner[b] = b;
            } else if (owner[b] == -2) {
                checks.set(b);
                owner[b] = b;
            } else if (owner[b] == -1) {
                // Only reached by a backward edge that was not marked (cannot happen) or from outside.
                checks.set(b);
                owner[b] = b;
            }
            for (int s : successors(flow.blockEnd(b))) {
                if (s > b && !checks.get(s)) {
                    owner[s] = owner[s] == -1 || owner[s] == owner[b] ? owner[b] : -2;
                }
            }
        }
    }

    /** The blocks control can move to from the last instruction {@code end} of a block. */
    int[] successors(int end) {
        if (end >= flow.size()) {
            return new int[0];
        }
        return switch (flow.insns.get(end)) {
            case Insn.Jump j -> new int[] {flow.target[end], end + 1};
            case Insn.Goto g -> new int[] {flow.target[end]};
            case Insn.Exit e -> new int[0];
            case Insn.Call.Kfunc k -> new int[0];
            default -> new int[] {end + 1};
        };
    }
}

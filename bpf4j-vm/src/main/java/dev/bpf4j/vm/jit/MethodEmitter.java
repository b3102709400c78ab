package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Insn;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Emits the methods of one compiled program: per eBPF function a method {@code f<index>} (real branches
 * between labels, the budget counted once per basic block) and its budget-overflow twin {@code c<index>},
 * plus {@code dispatch} for {@code callx}. The twin runs only when a block would cross the budget: it
 * replays that block instruction by instruction, counting each, and returns the interpreter's budget error
 * at exactly the interpreter's instruction, so the fast path pays one add and compare per block, not per
 * instruction. Every function method also catches what stops a run, to make the executed count exact.
 */
final class MethodEmitter {
    static final String DISPATCH = "dispatch";
    private static final int EXCEPTION = 33;
    private static final MethodTypeDesc COUNT = MethodTypeDesc.of(ConstantDescs.CD_void, Frame.CD_J,
            Frame.CD_VMEX, Frame.CD_I);
    private static final MethodTypeDesc SLOT_EX = MethodTypeDesc.of(Frame.CD_VMEX, Frame.CD_I);

    private final Flow flow;
    private final ClassDesc self;
    private final int prog;
    private final long budget;

    MethodEmitter(Flow flow, ClassDesc self, int prog, long budget) {
        this.flow = flow;
        this.self = self;
        this.prog = prog;
        this.budget = budget;
    }

    static String functionName(int entry) {
        return "f" + entry;
    }

    /** All methods of the program's class; {@code progress} hears which function is being emitted. */
    void emit(ClassBuilder cb, java.util.function.IntConsumer progress) {
        for (int entry : flow.functions) {
            progress.accept(entry);
            BitSet reach = flow.reach(entry);
            List<List<Integer>> groups = replayGroups(reach);
            cb.withMethodBody(functionName(entry), Frame.FUNCTION, ClassFile.ACC_STATIC,
                    code -> function(code, reach, groups));
            for (int g = 0; g < groups.size(); g++) {
                List<Integer> group = groups.get(g);
                cb.withMethodBody(carefulName(reach, g), Frame.CAREFUL, ClassFile.ACC_STATIC,
                        code -> careful(code, group));
            }
        }
        progress.accept(0);
        cb.withMethodBody(DISPATCH, Frame.DISPATCH, ClassFile.ACC_STATIC, this::dispatch);
    }

    /** Replay instructions per budget-replay method: well under 64 KiB of bytecode at ~40 bytes each. */
    private static final int REPLAY_PER_METHOD = 1024;

    /** The function's block starts, grouped so that each group's replay fits one JVM method. */
    private List<List<Integer>> replayGroups(BitSet reach) {
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int size = 0;
        for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
            if (flow.leaders.get(i)) {
                int len = blockLength(i);
                if (size + len > REPLAY_PER_METHOD && !current.isEmpty()) {
                    groups.add(current);
                    current = new ArrayList<>();
                    size = 0;
                }
                current.add(i);
                size += len;
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static String carefulName(BitSet reach, int group) {
        return "c" + reach.nextSetBit(0) + "_" + group;
    }

    /** {@code r10 = } the frame pointer of the current depth. */
    static void framePointer(CodeBuilder cb) {
        cb.iload(Frame.DEPTH).loadConstant(1).iadd().i2l().loadConstant(32).lshl()
                .loadConstant((long) dev.bpf4j.vm.Memory.STACK_SIZE).lor().lstore(Frame.R10);
    }

    private static void prologue(CodeBuilder cb) {
        CallEmitter.refreshTable(cb);
        cb.aload(Frame.TABLE).iload(Frame.DEPTH).loadConstant(dev.bpf4j.vm.Memory.STACK_REGION).iadd().aaload()
                .astore(Frame.STACK);
        cb.aload(Frame.TABLE).invokestatic(Frame.CD_MEMORY, "input", MethodTypeDesc.of(Frame.CD_BYTES, Frame.CD_TABLE))
                .astore(Frame.INPUT);
    }

    private int blockLength(int start) {
        return flow.blockEnd(start) - start + 1;
    }

    private void function(CodeBuilder cb, BitSet reach, List<List<Integer>> groups) {
        cb.aload(Frame.RT).getfield(Frame.CD_RT, "n", Frame.CD_J).lstore(Frame.COUNT);
        // The budget is a constant of the generated code: one register less in the hot loop.
        cb.loadConstant(budget).lstore(Frame.BUDGET);
        prologue(cb);
        flow.stack.load(cb);
        framePointer(cb);
        Label[] labels = new Label[flow.size() + 1];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = cb.newLabel();
        }
        List<int[]> stubs = new ArrayList<>();
        List<Label> stubLabels = new ArrayList<>();
        Label start = cb.newBoundLabel();
        for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
            cb.labelBinding(labels[i]);
            if (flow.leaders.get(i)) {
                int len = blockLength(i);
                Label over = cb.newLabel();
                cb.lload(Frame.COUNT).loadConstant((long) len).ladd().lstore(Frame.COUNT);
                cb.lload(Frame.COUNT).loadConstant(budget).lcmp().ifgt(over);
                stubs.add(new int[] {i, len});
                stubLabels.add(over);
            }
            if (i == flow.size()) {
                cb.aload(Frame.RT).loadConstant(flow.slot(i)).invokevirtual(Frame.CD_RT, "fellOff", SLOT_EX).athrow();
            } else {
                instruction(cb, i, labels);
            }
        }
        Label end = cb.newBoundLabel();
        Label handler = cb.newBoundLabel();
        cb.astore(EXCEPTION);
        flow.stack.store(cb);
        cb.aload(Frame.RT).lload(Frame.COUNT).aload(EXCEPTION).loadConstant(prog)
                .invokevirtual(Frame.CD_RT, "count", COUNT).aload(EXCEPTION).athrow();
        // Only VmException: a handler for the JVM's implicit exceptions would make HotSpot keep every
        // local alive at every array access of the hot loop.
        cb.exceptionCatch(start, end, handler, Frame.CD_VMEX);
        Label[] overflow = new Label[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            overflow[g] = cb.newLabel();
        }
        for (int k = 0; k < stubs.size(); k++) {
            cb.labelBinding(stubLabels.get(k));
            cb.lload(Frame.COUNT).loadConstant((long) stubs.get(k)[1]).lsub().lstore(Frame.COUNT);
            // Registers the replay does not read are passed as 0, so HotSpot need not keep them alive.
            int exposed = flow.exposedReads(stubs.get(k)[0]);
            for (int r = 0; r <= 10; r++) {
                if ((exposed & 1 << r) == 0) {
                    cb.lconst_0().lstore(Frame.reg(r));
                }
            }
            cb.loadConstant(stubs.get(k)[0]).istore(Frame.BLOCK).goto_(overflow[groupOf(groups, stubs.get(k)[0])]);
        }
        for (int g = 0; g < groups.size(); g++) {
            cb.labelBinding(overflow[g]);
            flow.stack.store(cb);
            cb.aload(Frame.RT).iload(Frame.DEPTH);
            for (int r = 0; r <= 10; r++) {
                cb.lload(Frame.reg(r));
            }
            cb.lload(Frame.COUNT).lload(Frame.BUDGET).iload(Frame.BLOCK)
                    .invokestatic(self, carefulName(reach, g), Frame.CAREFUL).athrow();
        }
    }

    private static int groupOf(List<List<Integer>> groups, int block) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).contains(block)) {
                return g;
            }
        }
        throw new IllegalStateException("block " + block + " in no replay group");
    }

    private void instruction(CodeBuilder cb, int i, Label[] labels) {
        int slot = flow.slot(i);
        switch (flow.insns.get(i)) {
            case Insn.Jump j -> AluEmitter.jump(cb, j, labels[flow.target[i]]);
            case Insn.Goto g -> cb.goto_(labels[flow.target[i]]);
            case Insn.Call.Helper h -> CallEmitter.helper(cb, h.id(), slot, flow.stack);
            case Insn.Call.Local l -> CallEmitter.local(cb, self, flow.target[i], slot);
            case Insn.Call.Kfunc k -> CallEmitter.kfunc(cb, k, slot);
            case Insn.Call.Indirect x -> CallEmitter.indirect(cb, self, x, slot, flow.size(), flow.stack);
            case Insn.Exit e -> CallEmitter.exit(cb, flow.stack);
            default -> straight(cb, i, true);
        }
    }

    /**
     * The instructions that never end a block: the same bytecode in both method bodies, except that the
     * replay ({@code promote} false) keeps every stack slot in the frame's array.
     */
    private void straight(CodeBuilder cb, int i, boolean promote) {
        int slot = flow.slot(i);
        switch (flow.insns.get(i)) {
            case Insn.Alu a -> AluEmitter.alu(cb, a);
            case Insn.Endian e -> AluEmitter.endian(cb, e);
            case Insn.Load l -> MemoryEmitter.load(cb, flow, l, slot, promote);
            case Insn.Store s -> MemoryEmitter.store(cb, flow, s, slot, promote);
            case Insn.Atomic a -> MemoryEmitter.atomic(cb, a, slot);
            case Insn.LoadImm64 l -> MemoryEmitter.loadImm64(cb, l, flow.constant[i]);
            case Insn.PacketLoad p -> MemoryEmitter.packetLoad(cb, p, slot);
            case Insn.Jump j -> throw new IllegalStateException("not straight-line");
            case Insn.Goto g -> throw new IllegalStateException("not straight-line");
            case Insn.Call c -> throw new IllegalStateException("not straight-line");
            case Insn.Exit e -> throw new IllegalStateException("not straight-line");
        }
    }

    private static boolean endsBlock(Insn insn) {
        return switch (insn) {
            case Insn.Jump j -> true;
            case Insn.Goto g -> true;
            case Insn.Call c -> true;
            case Insn.Exit e -> true;
            default -> false;
        };
    }

    /** The overflow twin: replays block {@code BLOCK} (one of {@code blocks}) one counted instruction at a time. */
    private void careful(CodeBuilder cb, List<Integer> blocks) {
        cb.aload(Frame.RT).loadConstant(1).putfield(Frame.CD_RT, "counted", ConstantDescs.CD_boolean);
        prologue(cb);
        List<SwitchCase> cases = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i : blocks) {
            cases.add(SwitchCase.of(i, cb.newLabel()));
            starts.add(i);
        }
        Label none = cb.newLabel();
        cb.iload(Frame.BLOCK).lookupswitch(none, cases);
        for (int k = 0; k < cases.size(); k++) {
            cb.labelBinding(cases.get(k).target());
            int b = starts.get(k);
            int end = flow.blockEnd(b);
            for (int i = b; i <= end; i++) {
                if (i == flow.size() || endsBlock(flow.insns.get(i))) {
                    break;
                }
                Label ok = cb.newLabel();
                cb.lload(Frame.COUNT).lload(Frame.BUDGET).lcmp().iflt(ok);
                budgetError(cb, flow.slot(i));
                cb.labelBinding(ok);
                cb.lload(Frame.COUNT).lconst_1().ladd().lstore(Frame.COUNT);
                cb.aload(Frame.RT).lload(Frame.COUNT).putfield(Frame.CD_RT, "n", Frame.CD_J);
                straight(cb, i, false);
            }
            int last = Math.min(end, flow.size());
            budgetError(cb, flow.slot(firstUnrun(b, last)));
        }
        cb.labelBinding(none);
        budgetError(cb, 0);
    }

    /** The instruction a replay of block [b, last] stops at when all its straight-line ones ran. */
    private int firstUnrun(int b, int last) {
        for (int i = b; i <= last; i++) {
            if (i == flow.size() || endsBlock(flow.insns.get(i))) {
                return i;
            }
        }
        return last + 1;
    }

    private static void budgetError(CodeBuilder cb, int slot) {
        cb.aload(Frame.RT).loadConstant(slot).invokevirtual(Frame.CD_RT, "budgetExceeded", SLOT_EX).areturn();
    }

    /** {@code callx} into function {@code target}, or the error for an instruction that starts none. */
    private void dispatch(CodeBuilder cb) {
        List<SwitchCase> cases = new ArrayList<>();
        Label none = cb.newLabel();
        for (int entry : flow.functions) {
            cases.add(SwitchCase.of(entry, cb.newLabel()));
        }
        cb.iload(22).lookupswitch(none, cases);
        for (SwitchCase c : cases) {
            cb.labelBinding(c.target());
            cb.aload(Frame.RT).iload(Frame.DEPTH);
            for (int r = 0; r <= 9; r++) {
                cb.lload(Frame.reg(r));
            }
            cb.invokestatic(self, functionName(c.caseValue()), Frame.FUNCTION).lreturn();
        }
        cb.labelBinding(none);
        cb.aload(Frame.RT).iload(22).iload(23)
                .invokevirtual(Frame.CD_RT, "notAFunction", MethodTypeDesc.of(Frame.CD_VMEX, Frame.CD_I, Frame.CD_I))
                .athrow();
    }
}

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
 * Emits the methods of one compiled program: per eBPF function a method {@code f<index>} with real branches
 * between labels, plus {@code dispatch} for {@code callx}. The instruction budget follows a
 * {@link BudgetPlan}: the main code adds each block's length to the count and compares only at check points;
 * a second, checked copy of the function (method {@code c<index>}, a test before every instruction) is
 * entered only when a check point finds the budget within reach, and finishes the function, so a run over
 * budget stops at exactly the interpreter's instruction while the hot loops stay free of it. Every
 * function method also catches what stops a run, to make the executed count exact and write the stack back.
 */
final class MethodEmitter {
    static final String DISPATCH = "dispatch";
    private static final int EXCEPTION = 33;
    private static final MethodTypeDesc COUNT = MethodTypeDesc.of(ConstantDescs.CD_void, Frame.CD_J,
            Frame.CD_VMEX, Frame.CD_I);
    private static final MethodTypeDesc TICK = MethodTypeDesc.of(ConstantDescs.CD_void, Frame.CD_J, Frame.CD_I,
            Frame.CD_I);
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

    private static String checkedName(int entry) {
        return "c" + entry;
    }

    /** All methods of the program's class; {@code progress} hears which function is being emitted. */
    void emit(ClassBuilder cb, java.util.function.IntConsumer progress) {
        for (int entry : flow.functions) {
            progress.accept(entry);
            BitSet reach = flow.reach(entry);
            BudgetPlan plan = new BudgetPlan(flow, reach, entry);
            cb.withMethodBody(functionName(entry), Frame.FUNCTION, ClassFile.ACC_STATIC,
                    code -> function(code, reach, plan, entry));
            cb.withMethodBody(checkedName(entry), Frame.CHECKED, ClassFile.ACC_STATIC,
                    code -> checked(code, reach, plan));
        }
        progress.accept(0);
        cb.withMethodBody(DISPATCH, Frame.DISPATCH, ClassFile.ACC_STATIC, this::dispatch);
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

    private void function(CodeBuilder cb, BitSet reach, BudgetPlan plan, int entry) {
        cb.aload(Frame.RT).getfield(Frame.CD_RT, "n", Frame.CD_J).lstore(Frame.COUNT);
        prologue(cb);
        flow.stack.load(cb);
        framePointer(cb);
        Label[] fast = new Label[flow.size() + 1];
        for (int i = 0; i < fast.length; i++) {
            fast[i] = cb.newLabel();
        }
        List<int[]> overflows = new ArrayList<>();
        List<Label> overflowLabels = new ArrayList<>();
        Label start = cb.newBoundLabel();
        // The unchecked code: one add per block, one compare per check point.
        for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
            cb.labelBinding(fast[i]);
            if (flow.leaders.get(i)) {
                int len = blockLength(i);
                cb.lload(Frame.COUNT).loadConstant((long) len).ladd().lstore(Frame.COUNT);
                if (plan.checks.get(i)) {
                    // count (this block included) > budget - the rest of the lookahead: take the checked copy.
                    // Comparing the count itself with a constant lets HotSpot treat a loop as a counted one.
                    Label over = cb.newLabel();
                    overflows.add(new int[] {i, len});
                    overflowLabels.add(over);
                    cb.lload(Frame.COUNT).loadConstant(budget - (plan.lookahead[i] - len)).lcmp().ifgt(over);
                }
            }
            if (i == flow.size()) {
                fellOff(cb, i);
            } else {
                instruction(cb, i, fast);
            }
        }
        Label end = cb.newBoundLabel();
        handler(cb, start, end);
        // Into the checked copy (its own method, so this one stays small for HotSpot): take the block's count
        // back off (the copy adds it again), write the frame back, and finish the function there.
        for (int k = 0; k < overflows.size(); k++) {
            cb.labelBinding(overflowLabels.get(k));
            cb.lload(Frame.COUNT).loadConstant((long) overflows.get(k)[1]).lsub().lstore(Frame.COUNT);
            flow.stack.store(cb);
            cb.aload(Frame.RT).iload(Frame.DEPTH);
            for (int r = 0; r <= 10; r++) {
                cb.lload(Frame.reg(r));
            }
            cb.lload(Frame.COUNT).loadConstant(overflows.get(k)[0])
                    .invokestatic(self, checkedName(entry), Frame.CHECKED).lreturn();
        }
    }

    /** Catches what stops a run: writes the frame back and makes the count exact, then rethrows. */
    private void handler(CodeBuilder cb, Label start, Label end) {
        Label handler = cb.newBoundLabel();
        cb.astore(EXCEPTION);
        flow.stack.store(cb);
        cb.aload(Frame.RT).lload(Frame.COUNT).aload(EXCEPTION).loadConstant(prog)
                .invokevirtual(Frame.CD_RT, "count", COUNT).aload(EXCEPTION).athrow();
        // Only VmException: a handler for the JVM's implicit exceptions would make HotSpot keep every
        // local alive at every array access of the hot loop.
        cb.exceptionCatch(start, end, handler, Frame.CD_VMEX);
    }

    /**
     * The checked copy of a function, entered at check point {@code BLOCK} with the count before that block:
     * a test before every instruction, so a run over budget stops at exactly the interpreter's instruction.
     * It runs the function to its end (at most the lookahead before the budget ends), never back.
     */
    private void checked(CodeBuilder cb, BitSet reach, BudgetPlan plan) {
        prologue(cb);
        flow.stack.load(cb);
        Label[] slow = new Label[flow.size() + 1];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = cb.newLabel();
        }
        List<SwitchCase> cases = new ArrayList<>();
        for (int i = plan.checks.nextSetBit(0); i >= 0; i = plan.checks.nextSetBit(i + 1)) {
            if (reach.get(i)) {
                cases.add(SwitchCase.of(i, slow[i]));
            }
        }
        Label none = cb.newLabel();
        Label start = cb.newBoundLabel();
        cb.iload(Frame.BLOCK).lookupswitch(none, cases);
        for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
            cb.labelBinding(slow[i]);
            int len = blockLength(leaderOf(i));
            int k = i - leaderOf(i);
            if (flow.leaders.get(i)) {
                cb.lload(Frame.COUNT).loadConstant((long) len).ladd().lstore(Frame.COUNT);
            }
            // A call keeps the checked copy small (it is cold code: HotSpot compiles it only if it runs).
            cb.aload(Frame.RT).lload(Frame.COUNT).loadConstant(len - k).loadConstant(flow.slot(i))
                    .invokevirtual(Frame.CD_RT, "tick", TICK);
            if (i == flow.size()) {
                fellOff(cb, i);
                continue;
            }
            instruction(cb, i, slow);
            if (fallsThrough(flow.insns.get(i))) {
                cb.goto_(slow[i + 1]);
            }
        }
        cb.labelBinding(none);
        fellOff(cb, flow.size());
        Label end = cb.newBoundLabel();
        handler(cb, start, end);
    }

    private int leaderOf(int i) {
        return flow.leaders.previousSetBit(i);
    }

    private void fellOff(CodeBuilder cb, int i) {
        cb.aload(Frame.RT).loadConstant(flow.slot(i)).invokevirtual(Frame.CD_RT, "fellOff", SLOT_EX).athrow();
    }

    /** Whether control can continue with the next instruction (so the checked copy needs a goto). */
    private static boolean fallsThrough(Insn insn) {
        return switch (insn) {
            case Insn.Goto g -> false;
            case Insn.Exit e -> false;
            case Insn.Call.Kfunc k -> false;
            default -> true;
        };
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
            case Insn.Alu a -> AluEmitter.alu(cb, a);
            case Insn.Endian e -> AluEmitter.endian(cb, e);
            case Insn.Load l -> MemoryEmitter.load(cb, flow, l, slot);
            case Insn.Store s -> MemoryEmitter.store(cb, flow, s, slot);
            case Insn.Atomic a -> MemoryEmitter.atomic(cb, a, slot);
            case Insn.LoadImm64 l -> MemoryEmitter.loadImm64(cb, l, flow.constant[i]);
            case Insn.PacketLoad p -> MemoryEmitter.packetLoad(cb, p, slot);
        }
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

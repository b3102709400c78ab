package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.vm.Memory;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Bytecode for calls and exits (RFC 9669 section 4.3.1). A bpf-to-bpf call is a JVM call of the callee's
 * method with the depth plus one and r0-r9: the callee's r6-r9 and r10 are its own locals, so the caller's
 * survive by construction; r0 comes back as the return value, r1-r5 through the runtime (they are the
 * callee's, as in the interpreter). Helpers go through the runtime's registry; after one, a pending tail
 * call continues in the target program's entry method and this function returns what it returns.
 */
final class CallEmitter {
    private static final MethodTypeDesc HELPER = MethodTypeDesc.of(Frame.CD_J, Frame.CD_I, Frame.CD_I, Frame.CD_J,
            Frame.CD_J, Frame.CD_J, Frame.CD_J, Frame.CD_J);
    private static final MethodTypeDesc TAIL = MethodTypeDesc.of(Frame.CD_J, Frame.FUNCTION.parameterList()
            .subList(1, 12).toArray(new ClassDesc[0]));
    private static final MethodTypeDesc SLOT_EX = MethodTypeDesc.of(Frame.CD_VMEX, Frame.CD_I);
    private static final MethodTypeDesc TABLE = MethodTypeDesc.of(Frame.CD_TABLE);
    private static final String[] OUT = {null, "o1", "o2", "o3", "o4", "o5"};

    private CallEmitter() {
    }

    /** Calls helper {@code id}; afterwards follows a tail call if the helper arranged one. */
    static void helper(CodeBuilder cb, int id, int slot, StackSlots stack) {
        cb.aload(Frame.RT).loadConstant(id).loadConstant(slot);
        helperTail(cb, stack);
    }

    /** With the runtime, id and slot pushed: the call itself, the table refresh and the tail-call check. */
    private static void helperTail(CodeBuilder cb, StackSlots stack) {
        for (int r = 1; r <= 5; r++) {
            cb.lload(Frame.reg(r));
        }
        cb.invokevirtual(Frame.CD_RT, "callHelper", HELPER).lstore(Frame.reg(0));
        refreshTable(cb);
        Label go = cb.newLabel();
        cb.aload(Frame.RT).getfield(Frame.CD_RT, "pendingTail", ConstantDescs.CD_MethodHandle).ifnull(go);
        saveCount(cb);
        stack.store(cb);
        cb.aload(Frame.RT).iload(Frame.DEPTH);
        for (int r = 0; r <= 9; r++) {
            cb.lload(Frame.reg(r));
        }
        cb.invokevirtual(Frame.CD_RT, "runTail", TAIL).lreturn();
        cb.labelBinding(go);
    }

    /** A call of the function at {@code target}, a method of class {@code self}. */
    static void local(CodeBuilder cb, ClassDesc self, int target, int slot) {
        depthCheck(cb, slot);
        saveCount(cb);
        pushCallee(cb);
        cb.invokestatic(self, MethodEmitter.functionName(target), Frame.FUNCTION);
        afterCall(cb);
    }

    /**
     * {@code callx}: a code address enters that function (through the class's dispatch method), anything
     * else is a helper id, with the interpreter's checks in the same order.
     */
    static void indirect(CodeBuilder cb, ClassDesc self, Insn.Call.Indirect x, int slot, int size,
            StackSlots stack) {
        int reg = Frame.reg(x.reg());
        Label helper = cb.newLabel();
        Label done = cb.newLabel();
        cb.lload(reg).loadConstant(32).lushr().l2i().loadConstant(Memory.CODE_REGION).if_icmpne(helper);
        cb.aload(Frame.RT).lload(reg).loadConstant(slot).loadConstant(size)
                .invokevirtual(Frame.CD_RT, "checkFunction", MethodTypeDesc.of(Frame.CD_I, Frame.CD_J, Frame.CD_I,
                        Frame.CD_I))
                .istore(Frame.TEMP);
        depthCheck(cb, slot);
        saveCount(cb);
        pushCallee(cb);
        cb.iload(Frame.TEMP).loadConstant(slot).invokestatic(self, MethodEmitter.DISPATCH, Frame.DISPATCH);
        afterCall(cb);
        cb.goto_(done);
        cb.labelBinding(helper);
        cb.aload(Frame.RT).aload(Frame.RT).lload(reg).loadConstant(slot)
                .invokevirtual(Frame.CD_RT, "helperIdOf", MethodTypeDesc.of(Frame.CD_I, Frame.CD_J, Frame.CD_I))
                .loadConstant(slot);
        helperTail(cb, stack);
        cb.labelBinding(done);
    }

    /** A kfunc call: always the interpreter's "not supported" error. */
    static void kfunc(CodeBuilder cb, Insn.Call.Kfunc k, int slot) {
        cb.aload(Frame.RT).loadConstant(k.btfId()).loadConstant(slot)
                .invokevirtual(Frame.CD_RT, "kfunc", MethodTypeDesc.of(Frame.CD_VMEX, Frame.CD_I, Frame.CD_I))
                .athrow();
    }

    /** {@code exit}: writes the frame back, hands r1-r5 and the count to the caller and returns r0. */
    static void exit(CodeBuilder cb, StackSlots stack) {
        stack.store(cb);
        for (int r = 1; r <= 5; r++) {
            cb.aload(Frame.RT).lload(Frame.reg(r)).putfield(Frame.CD_RT, OUT[r], Frame.CD_J);
        }
        saveCount(cb);
        cb.lload(Frame.reg(0)).lreturn();
    }

    /** Throws the interpreter's error for a call that would exceed {@link Memory#MAX_FRAMES}. */
    private static void depthCheck(CodeBuilder cb, int slot) {
        Label ok = cb.newLabel();
        cb.iload(Frame.DEPTH).loadConstant(1).iadd().loadConstant(Memory.MAX_FRAMES).if_icmplt(ok);
        cb.aload(Frame.RT).loadConstant(slot).invokevirtual(Frame.CD_RT, "callTooDeep", SLOT_EX).athrow();
        cb.labelBinding(ok);
    }

    private static void pushCallee(CodeBuilder cb) {
        cb.aload(Frame.RT).iload(Frame.DEPTH).loadConstant(1).iadd();
        for (int r = 0; r <= 9; r++) {
            cb.lload(Frame.reg(r));
        }
    }

    /** After a callee returned r0: its r1-r5 and the count come back, r10 is the frame pointer again. */
    private static void afterCall(CodeBuilder cb) {
        cb.lstore(Frame.reg(0));
        for (int r = 1; r <= 5; r++) {
            cb.aload(Frame.RT).getfield(Frame.CD_RT, OUT[r], Frame.CD_J).lstore(Frame.reg(r));
        }
        cb.aload(Frame.RT).getfield(Frame.CD_RT, "n", Frame.CD_J).lstore(Frame.COUNT);
        refreshTable(cb);
        MethodEmitter.framePointer(cb);
    }

    static void saveCount(CodeBuilder cb) {
        cb.aload(Frame.RT).lload(Frame.COUNT).putfield(Frame.CD_RT, "n", Frame.CD_J);
    }

    static void refreshTable(CodeBuilder cb) {
        cb.aload(Frame.RT).invokevirtual(Frame.CD_RT, "table", TABLE).astore(Frame.TABLE);
    }
}

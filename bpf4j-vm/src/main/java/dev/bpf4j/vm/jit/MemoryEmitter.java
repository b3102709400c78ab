package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Opcodes;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.vm.Memory;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.MethodTypeDesc;

/**
 * Bytecode for loads, stores, atomics, legacy packet loads and {@code lddw} (RFC 9669 section 5). A general
 * access computes the address and calls {@link JitMemory} or {@link JitAtomics}, which check it against the
 * region table exactly as the interpreter does; loads and stores first try the input memory, whose array the
 * function keeps in a local (one subtraction and one range check, HotSpot hoists the length: pointers into
 * the packet are the common case and this path made pkt_parse about 1.7x faster). An access at {@code r10} plus a constant offset that the
 * compiler can prove inside the 512-byte frame (and when no instruction ever writes {@code r10}) goes
 * straight to the frame's array: the common stack traffic of compiled C costs no region lookup; and a slot
 * that {@link StackSlots} promoted is just a JVM local.
 */
final class MemoryEmitter {
    static final MethodTypeDesc STACK_LOAD = MethodTypeDesc.of(Frame.CD_J, Frame.CD_BYTES, Frame.CD_I);
    static final MethodTypeDesc STACK_STORE = MethodTypeDesc.of(java.lang.constant.ConstantDescs.CD_void,
            Frame.CD_BYTES, Frame.CD_I, Frame.CD_J);
    private static final MethodTypeDesc ILOAD = MethodTypeDesc.of(Frame.CD_J, Frame.CD_BYTES, Frame.CD_TABLE,
            Frame.CD_J, Frame.CD_I, Frame.CD_RT);
    private static final MethodTypeDesc ISTORE = MethodTypeDesc.of(java.lang.constant.ConstantDescs.CD_void,
            Frame.CD_BYTES, Frame.CD_TABLE, Frame.CD_J, Frame.CD_J, Frame.CD_I, Frame.CD_RT);
    private static final MethodTypeDesc RMW = MethodTypeDesc.of(Frame.CD_J, Frame.CD_TABLE, Frame.CD_J, Frame.CD_J,
            Frame.CD_I, Frame.CD_I, Frame.CD_RT);
    private static final MethodTypeDesc CMPXCHG = MethodTypeDesc.of(Frame.CD_J, Frame.CD_TABLE, Frame.CD_J,
            Frame.CD_J, Frame.CD_J, Frame.CD_I, Frame.CD_RT);
    private static final MethodTypeDesc PACKET = MethodTypeDesc.of(Frame.CD_J, Frame.CD_J, Frame.CD_I, Frame.CD_I,
            Frame.CD_I);

    private MemoryEmitter() {
    }

    /** The frame index of {@code r10 + off} for a {@code size}-byte access, or -1 if not provably inside. */
    private static int stackIndex(Flow flow, Reg base, int off, int size) {
        int i = Memory.STACK_SIZE + off;
        return base == Reg.R10 && !flow.writesR10 && i >= 0 && i <= Memory.STACK_SIZE - size ? i : -1;
    }

    private static String suffix(MemSize size) {
        return switch (size) {
            case B -> "b";
            case H -> "h";
            case W -> "w";
            case DW -> "dw";
        };
    }

    /** {@code dst = *(size *)(src + off)}, zero- or sign-extended. */
    static void load(CodeBuilder cb, Flow flow, Insn.Load l, int slot) {
        int local = l.src() == Reg.R10 && !l.signExtend() ? flow.stack.localOf(l.offset(), l.size()) : -1;
        if (local >= 0) {
            cb.lload(local).lstore(Frame.reg(l.dst()));
            return;
        }
        String name = (l.signExtend() ? "lds" : "ld") + suffix(l.size());
        int i = stackIndex(flow, l.src(), l.offset(), l.size().bytes());
        if (i >= 0) {
            cb.aload(Frame.STACK).loadConstant(i).invokestatic(Frame.CD_MEMORY, "s" + name, STACK_LOAD);
        } else {
            cb.aload(Frame.INPUT);
            address(cb, l.src(), l.offset());
            cb.loadConstant(slot).aload(Frame.RT).invokestatic(Frame.CD_MEMORY, "i" + name, ILOAD);
        }
        cb.lstore(Frame.reg(l.dst()));
    }

    /** {@code *(size *)(dst + off) = src}. */
    static void store(CodeBuilder cb, Flow flow, Insn.Store s, int slot) {
        int local = s.dst() == Reg.R10 ? flow.stack.localOf(s.offset(), s.size()) : -1;
        if (local >= 0) {
            value(cb, s);
            cb.lstore(local);
            return;
        }
        String name = "st" + suffix(s.size());
        int i = stackIndex(flow, s.dst(), s.offset(), s.size().bytes());
        if (i >= 0) {
            cb.aload(Frame.STACK).loadConstant(i);
            value(cb, s);
            cb.invokestatic(Frame.CD_MEMORY, "s" + name, STACK_STORE);
        } else {
            cb.aload(Frame.INPUT);
            address(cb, s.dst(), s.offset());
            value(cb, s);
            cb.loadConstant(slot).aload(Frame.RT).invokestatic(Frame.CD_MEMORY, "i" + name, ISTORE);
        }
    }

    private static void value(CodeBuilder cb, Insn.Store s) {
        switch (s.src()) {
            case Reg r -> cb.lload(Frame.reg(r));
            case Imm(int v) -> cb.loadConstant((long) v);
        }
    }

    /** Pushes the region table and {@code base + off}. */
    private static void address(CodeBuilder cb, Reg base, int off) {
        cb.aload(Frame.TABLE).lload(Frame.reg(base));
        if (off != 0) {
            cb.loadConstant((long) off).ladd();
        }
    }

    /** An atomic read-modify-write; the old value goes to {@code src} (fetch) or {@code r0} (cmpxchg). */
    static void atomic(CodeBuilder cb, Insn.Atomic a, int slot) {
        boolean wide = a.size() == MemSize.DW;
        address(cb, a.dst(), a.offset());
        if (a.op() == AtomicOp.CMPXCHG) {
            cb.lload(Frame.reg(Reg.R0)).lload(Frame.reg(a.src())).loadConstant(slot).aload(Frame.RT)
                    .invokestatic(Frame.CD_ATOMICS, wide ? "cmpxchg64" : "cmpxchg32", CMPXCHG)
                    .lstore(Frame.reg(Reg.R0));
            return;
        }
        cb.lload(Frame.reg(a.src())).loadConstant(a.op().code() & ~Opcodes.ATOMIC_FETCH).loadConstant(slot)
                .aload(Frame.RT).invokestatic(Frame.CD_ATOMICS, wide ? "rmw64" : "rmw32", RMW);
        if (a.fetch()) {
            cb.lstore(Frame.reg(a.src()));
        } else {
            cb.pop2();
        }
    }

    /** {@code r0 = ntoh(packet[imm (+ src)])}, or the end of the program with r0 = 0 when out of bounds. */
    static void packetLoad(CodeBuilder cb, Insn.PacketLoad p, int slot) {
        cb.aload(Frame.RT);
        if (p.indirect()) {
            cb.lload(Frame.reg(p.src()));
        } else {
            cb.lconst_0();
        }
        cb.loadConstant(p.imm()).loadConstant(p.size().bytes()).loadConstant(slot)
                .invokevirtual(Frame.CD_RT, "packetLoad", PACKET).lstore(Frame.reg(Reg.R0));
    }

    /** {@code dst = imm64}, with map and function references already resolved by {@link Flow}. */
    static void loadImm64(CodeBuilder cb, Insn.LoadImm64 l, long value) {
        cb.loadConstant(value).lstore(Frame.reg(l.dst()));
    }
}

package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.Reg;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Bytecode for arithmetic, byte swaps and conditional jumps (RFC 9669 sections 4.1-4.3) on register locals.
 * 64-bit operations work on {@code long}s with sign-extended immediates; 32-bit ones on {@code int}s and
 * zero-extend the result ({@code i2l; land 0xffffffff}, which HotSpot turns into one 32-bit move). Shift
 * counts need no masking: the JVM masks them to 63 or 31 exactly as eBPF does. Division and modulo call
 * {@link JitArith} for the RFC's zero-divisor rules. Unsigned comparisons flip the sign bit of both sides
 * and compare signed.
 */
final class AluEmitter {
    private static final long LOW32 = 0xffffffffL;
    private static final MethodTypeDesc JJ_J = MethodTypeDesc.of(Frame.CD_J, Frame.CD_J, Frame.CD_J);

    private AluEmitter() {
    }

    /** {@code dst op= src}. */
    static void alu(CodeBuilder cb, Insn.Alu a) {
        int d = Frame.reg(a.dst());
        if (a.wide()) {
            alu64(cb, a.op(), d, a.src());
        } else {
            alu32(cb, a.op(), d, a.src());
        }
        cb.lstore(d);
    }

    private static void long64(CodeBuilder cb, Operand src) {
        switch (src) {
            case Reg r -> cb.lload(Frame.reg(r));
            case Imm(int v) -> cb.loadConstant((long) v);
        }
    }

    private static void int32(CodeBuilder cb, Operand src) {
        switch (src) {
            case Reg r -> cb.lload(Frame.reg(r)).l2i();
            case Imm(int v) -> cb.loadConstant(v);
        }
    }

    private static void alu64(CodeBuilder cb, AluOp op, int d, Operand src) {
        switch (op) {
            case ADD -> binary(cb, d, src, Opcode.LADD);
            case SUB -> binary(cb, d, src, Opcode.LSUB);
            case MUL -> binary(cb, d, src, Opcode.LMUL);
            case OR -> binary(cb, d, src, Opcode.LOR);
            case AND -> binary(cb, d, src, Opcode.LAND);
            case XOR -> binary(cb, d, src, Opcode.LXOR);
            case LSH -> shift(cb, d, src, Opcode.LSHL);
            case RSH -> shift(cb, d, src, Opcode.LUSHR);
            case ARSH -> shift(cb, d, src, Opcode.LSHR);
            case NEG -> cb.lload(d).lneg();
            case MOV -> long64(cb, src);
            case MOVSX8 -> cb.lload(Frame.reg((Reg) src)).l2i().i2b().i2l();
            case MOVSX16 -> cb.lload(Frame.reg((Reg) src)).l2i().i2s().i2l();
            case MOVSX32 -> cb.lload(Frame.reg((Reg) src)).l2i().i2l();
            case DIV -> arith(cb, d, src, "udiv64");
            case SDIV -> arith(cb, d, src, "sdiv64");
            case MOD -> arith(cb, d, src, "umod64");
            case SMOD -> arith(cb, d, src, "smod64");
        }
    }

    private static void alu32(CodeBuilder cb, AluOp op, int d, Operand src) {
        switch (op) {
            case DIV -> arith(cb, d, src, "udiv32");
            case SDIV -> arith(cb, d, src, "sdiv32");
            case MOD -> arith(cb, d, src, "umod32");
            case SMOD -> arith(cb, d, src, "smod32");
            default -> {
                switch (op) {
                    case ADD -> int32(cb.lload(d).l2i(), src, Opcode.IADD);
                    case SUB -> int32(cb.lload(d).l2i(), src, Opcode.ISUB);
                    case MUL -> int32(cb.lload(d).l2i(), src, Opcode.IMUL);
                    case OR -> int32(cb.lload(d).l2i(), src, Opcode.IOR);
                    case AND -> int32(cb.lload(d).l2i(), src, Opcode.IAND);
                    case XOR -> int32(cb.lload(d).l2i(), src, Opcode.IXOR);
                    case LSH -> int32(cb.lload(d).l2i(), src, Opcode.ISHL);
                    case RSH -> int32(cb.lload(d).l2i(), src, Opcode.IUSHR);
                    case ARSH -> int32(cb.lload(d).l2i(), src, Opcode.ISHR);
                    case NEG -> cb.lload(d).l2i().ineg();
                    case MOV -> int32(cb, src);
                    case MOVSX8 -> cb.lload(Frame.reg((Reg) src)).l2i().i2b();
                    case MOVSX16 -> cb.lload(Frame.reg((Reg) src)).l2i().i2s();
                    case MOVSX32 -> cb.lload(Frame.reg((Reg) src)).l2i();
                    default -> throw new IllegalStateException(op.toString());
                }
                cb.i2l().loadConstant(LOW32).land();
            }
        }
    }

    private static void int32(CodeBuilder cb, Operand src, Opcode op) {
        int32(cb, src);
        cb.with(OperatorInstruction.of(op));
    }

    private static void binary(CodeBuilder cb, int d, Operand src, Opcode op) {
        cb.lload(d);
        long64(cb, src);
        cb.with(OperatorInstruction.of(op));
    }

    private static void shift(CodeBuilder cb, int d, Operand src, Opcode op) {
        cb.lload(d);
        int32(cb, src);
        cb.with(OperatorInstruction.of(op));
    }

    private static void arith(CodeBuilder cb, int d, Operand src, String method) {
        cb.lload(d);
        long64(cb, src);
        cb.invokestatic(Frame.CD_ARITH, method, JJ_J);
    }

    /** The byte swaps: {@code le} truncates (the host is little-endian), {@code be} and {@code bswap} reverse. */
    static void endian(CodeBuilder cb, Insn.Endian e) {
        int d = Frame.reg(e.dst());
        switch (e.kind()) {
            case TO_LE -> {
                if (e.width() == 64) {
                    return;
                }
                cb.lload(d).loadConstant(e.width() == 16 ? 0xffffL : LOW32).land();
            }
            case TO_BE, BSWAP -> {
                cb.lload(d);
                switch (e.width()) {
                    case 16 -> cb.l2i().i2c().invokestatic(ConstantDescs.CD_Character, "reverseBytes",
                            MethodTypeDesc.of(ConstantDescs.CD_char, ConstantDescs.CD_char)).i2l();
                    case 32 -> cb.l2i().invokestatic(ConstantDescs.CD_Integer, "reverseBytes",
                            MethodTypeDesc.of(Frame.CD_I, Frame.CD_I)).i2l().loadConstant(LOW32).land();
                    default -> cb.invokestatic(ConstantDescs.CD_Long, "reverseBytes",
                            MethodTypeDesc.of(Frame.CD_J, Frame.CD_J));
                }
            }
        }
        cb.lstore(d);
    }

    /** Branches to {@code to} if the jump's condition holds; falls through otherwise. */
    static void jump(CodeBuilder cb, Insn.Jump j, Label to) {
        int d = Frame.reg(j.dst());
        if (j.wide()) {
            switch (j.op()) {
                case JEQ, JNE, JSGT, JSGE, JSLT, JSLE -> {
                    cb.lload(d);
                    long64(cb, j.src());
                    cb.lcmp();
                }
                case JGT, JGE, JLT, JLE -> {
                    cb.lload(d).loadConstant(Long.MIN_VALUE).lxor();
                    switch (j.src()) {
                        case Reg r -> cb.lload(Frame.reg(r)).loadConstant(Long.MIN_VALUE).lxor();
                        case Imm(int v) -> cb.loadConstant((long) v ^ Long.MIN_VALUE);
                    }
                    cb.lcmp();
                }
                case JSET -> {
                    cb.lload(d);
                    long64(cb, j.src());
                    cb.land().lconst_0().lcmp();
                }
            }
            cb.branch(zeroTest(j), to);
            return;
        }
        switch (j.op()) {
            case JEQ, JNE, JSGT, JSGE, JSLT, JSLE -> {
                cb.lload(d).l2i();
                int32(cb, j.src());
            }
            case JGT, JGE, JLT, JLE -> {
                cb.lload(d).l2i().loadConstant(Integer.MIN_VALUE).ixor();
                switch (j.src()) {
                    case Reg r -> cb.lload(Frame.reg(r)).l2i().loadConstant(Integer.MIN_VALUE).ixor();
                    case Imm(int v) -> cb.loadConstant(v ^ Integer.MIN_VALUE);
                }
            }
            case JSET -> {
                cb.lload(d).l2i();
                int32(cb, j.src());
                cb.iand();
                cb.ifne(to);
                return;
            }
        }
        cb.branch(intTest(j), to);
    }

    private static Opcode zeroTest(Insn.Jump j) {
        return switch (j.op()) {
            case JEQ -> Opcode.IFEQ;
            case JNE, JSET -> Opcode.IFNE;
            case JGT, JSGT -> Opcode.IFGT;
            case JGE, JSGE -> Opcode.IFGE;
            case JLT, JSLT -> Opcode.IFLT;
            case JLE, JSLE -> Opcode.IFLE;
        };
    }

    private static Opcode intTest(Insn.Jump j) {
        return switch (j.op()) {
            case JEQ -> Opcode.IF_ICMPEQ;
            case JNE, JSET -> Opcode.IF_ICMPNE;
            case JGT, JSGT -> Opcode.IF_ICMPGT;
            case JGE, JSGE -> Opcode.IF_ICMPGE;
            case JLT, JSLT -> Opcode.IF_ICMPLT;
            case JLE, JSLE -> Opcode.IF_ICMPLE;
        };
    }
}

package dev.bpf4j.vm;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.ByteSwap;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import dev.bpf4j.vm.interp.Interpreter;
import java.util.List;

/** Terse constructors of {@link Insn} records for tests (the assembler lives elsewhere and is not used here). */
public final class Asm {
    private Asm() {
    }

    public static final Reg R0 = Reg.R0, R1 = Reg.R1, R2 = Reg.R2, R3 = Reg.R3, R4 = Reg.R4, R5 = Reg.R5,
            R6 = Reg.R6, R7 = Reg.R7, R8 = Reg.R8, R9 = Reg.R9, R10 = Reg.R10;

    public static Imm imm(int v) {
        return new Imm(v);
    }

    public static Insn alu64(AluOp op, Reg dst, Operand src) {
        return new Insn.Alu(true, op, dst, src);
    }

    public static Insn alu32(AluOp op, Reg dst, Operand src) {
        return new Insn.Alu(false, op, dst, src);
    }

    public static Insn mov(Reg dst, int v) {
        return alu64(AluOp.MOV, dst, imm(v));
    }

    public static Insn mov(Reg dst, Reg src) {
        return alu64(AluOp.MOV, dst, src);
    }

    public static Insn lddw(Reg dst, long v) {
        return new Insn.LoadImm64(dst, v);
    }

    public static Insn lddw(Reg dst, PseudoSource source, long v) {
        return new Insn.LoadImm64(dst, source, v, null);
    }

    public static Insn swap(ByteSwap kind, int width, Reg dst) {
        return new Insn.Endian(kind, width, dst);
    }

    public static Insn jmp(JumpOp op, Reg dst, Operand src, int off) {
        return new Insn.Jump(true, op, dst, src, Target.offset(off));
    }

    public static Insn jmp32(JumpOp op, Reg dst, Operand src, int off) {
        return new Insn.Jump(false, op, dst, src, Target.offset(off));
    }

    public static Insn ja(int off) {
        return new Insn.Goto(Target.offset(off), false);
    }

    public static Insn ldx(MemSize size, Reg dst, Reg src, int off) {
        return new Insn.Load(size, false, dst, src, (short) off);
    }

    public static Insn ldxs(MemSize size, Reg dst, Reg src, int off) {
        return new Insn.Load(size, true, dst, src, (short) off);
    }

    public static Insn stx(MemSize size, Reg dst, int off, Reg src) {
        return new Insn.Store(size, dst, (short) off, src);
    }

    public static Insn st(MemSize size, Reg dst, int off, int v) {
        return new Insn.Store(size, dst, (short) off, imm(v));
    }

    public static Insn atomic(AtomicOp op, boolean fetch, MemSize size, Reg dst, int off, Reg src) {
        return new Insn.Atomic(op, fetch, size, dst, src, (short) off);
    }

    public static Insn call(int helper) {
        return new Insn.Call.Helper(helper);
    }

    public static Insn callLocal(int off) {
        return new Insn.Call.Local(Target.offset(off));
    }

    public static Insn callx(Reg reg) {
        return new Insn.Call.Indirect(reg);
    }

    public static Insn exit() {
        return new Insn.Exit();
    }

    public static Program prog(Insn... insns) {
        return Program.of(List.of(insns));
    }

    /** Runs with default options and no memory. */
    public static long run(Insn... insns) {
        return Interpreter.of(prog(insns)).run(null);
    }

    /** Runs with default options on {@code mem}. */
    public static long run(byte[] mem, Insn... insns) {
        return Interpreter.of(prog(insns)).run(mem);
    }
}

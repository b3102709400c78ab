package dev.bpf4j.asm;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.ByteSwap;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of valid instructions: every {@link Insn} record and every enum value, with offsets that fit
 * their fields and only relative targets (so each instruction encodes on its own).
 */
final class Insns {
    private Insns() {
    }

    static Arbitrary<Reg> regs() {
        return Arbitraries.of(Reg.class);
    }

    static Arbitrary<Integer> imms() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    static Arbitrary<Short> offsets() {
        return Arbitraries.oneOf(Arbitraries.shorts(), Arbitraries.of((short) 0, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE));
    }

    static Arbitrary<Operand> operands() {
        return Arbitraries.oneOf(regs().map(r -> (Operand) r), imms().map(v -> (Operand) new Imm(v)));
    }

    static Arbitrary<Insn> alu() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(AluOp.class), regs(), operands(), regs())
                .as((wide, op, dst, src, srcReg) -> {
                    if (op == AluOp.NEG) {
                        return new Insn.Alu(wide, op, dst, new Imm(0));
                    }
                    if (op.isMovsx()) {
                        return new Insn.Alu(wide || op == AluOp.MOVSX32, op, dst, srcReg);
                    }
                    return new Insn.Alu(wide, op, dst, src);
                });
    }

    static Arbitrary<Insn> all() {
        return Arbitraries.oneOf(
                alu(),
                Combinators.combine(Arbitraries.of(ByteSwap.class), Arbitraries.of(16, 32, 64), regs())
                        .as(Insn.Endian::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(JumpOp.class), regs(), operands(), offsets())
                        .as((w, op, dst, src, off) -> new Insn.Jump(w, op, dst, src, Target.offset(off))),
                offsets().map(off -> new Insn.Goto(Target.offset(off), false)),
                imms().map(off -> new Insn.Goto(Target.offset(off), true)),
                Combinators.combine(Arbitraries.of(MemSize.class), Arbitraries.of(true, false), regs(), regs(), offsets())
                        .as((size, sx, dst, src, off) -> new Insn.Load(size, sx && size != MemSize.DW, dst, src, off)),
                Combinators.combine(Arbitraries.of(MemSize.class), regs(), offsets(), operands()).as(Insn.Store::new),
                Combinators.combine(Arbitraries.of(AtomicOp.class), Arbitraries.of(true, false),
                        Arbitraries.of(MemSize.W, MemSize.DW), regs(), regs(), offsets())
                        .as((op, fetch, size, dst, src, off) -> new Insn.Atomic(op, fetch || op.alwaysFetches(), size, dst,
                                src, off)),
                Combinators.combine(regs(), Arbitraries.of(PseudoSource.class), Arbitraries.longs(), imms())
                        .as((dst, source, imm, rel) -> new Insn.LoadImm64(dst, source,
                                source == PseudoSource.FUNC ? (long) rel : imm, null)),
                imms().map(Insn.Call.Helper::new),
                imms().map(rel -> new Insn.Call.Local(Target.offset(rel))),
                Combinators.combine(imms(), offsets()).as(Insn.Call.Kfunc::new),
                regs().map(Insn.Call.Indirect::new),
                Arbitraries.just(new Insn.Exit()),
                Combinators.combine(Arbitraries.of(MemSize.B, MemSize.H, MemSize.W), Arbitraries.of(true, false), regs(),
                        imms()).as((size, ind, src, imm) -> new Insn.PacketLoad(size, ind, ind ? src : Reg.R0, imm)));
    }
}

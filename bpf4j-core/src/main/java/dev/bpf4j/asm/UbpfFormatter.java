package dev.bpf4j.asm;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;

/**
 * Prints one instruction in the uBPF syntax of the bpf_conformance suite ({@code mov32 %r0, 0},
 * {@code ldxh %r0, [%r1+2]}, {@code lock fetch add32 [%r10-8], %r1}, {@code call local +3}). Immediates
 * and offsets are signed decimal, {@code lddw} values unsigned hex, so the text re-assembles exactly.
 * Instructions the suite never spells get the nearest regular spelling: {@code ldabsh 12},
 * {@code ldindb %r1, 2}, {@code call runtime 16} (kernel function), {@code ld_pseudo %r1, 1, 3}.
 */
final class UbpfFormatter {
    private UbpfFormatter() {
    }

    private static String reg(Reg r) {
        return "%r" + r.number();
    }

    private static String operand(Operand o) {
        return switch (o) {
            case Reg r -> reg(r);
            case Imm(int v) -> Integer.toString(v);
        };
    }

    private static String target(Target t) {
        return switch (t) {
            case Target.Offset(int s) -> s < 0 ? Integer.toString(s) : "+" + s;
            case Target.Label(String name) -> name;
        };
    }

    private static String mem(Reg base, short off) {
        return "[" + reg(base) + (off < 0 ? "" : "+") + off + "]";
    }

    /** The uBPF text of {@code insn}. */
    static String format(Insn insn) {
        return switch (insn) {
            case Insn.Alu a -> alu(a);
            case Insn.Endian e -> e.kind().mnemonic() + e.width() + " " + reg(e.dst());
            case Insn.Jump j -> j.op().mnemonic() + (j.wide() ? "" : "32") + " " + reg(j.dst()) + ", "
                    + operand(j.src()) + ", " + target(j.target());
            case Insn.Goto g -> (g.longOffset() ? "ja32 " : "ja ") + target(g.target());
            case Insn.Load l -> "ldx" + (l.signExtend() ? "s" : "") + l.size().suffix() + " " + reg(l.dst()) + ", "
                    + mem(l.src(), l.offset());
            case Insn.Store s -> (s.src() instanceof Reg ? "stx" : "st") + s.size().suffix() + " "
                    + mem(s.dst(), s.offset()) + ", " + operand(s.src());
            case Insn.Atomic a -> "lock " + (a.fetch() && !a.op().alwaysFetches() ? "fetch " : "") + a.op().mnemonic()
                    + (a.size() == MemSize.W ? "32" : "") + " " + mem(a.dst(), a.offset()) + ", " + reg(a.src());
            case Insn.LoadImm64 l -> lddw(l);
            case Insn.Call c -> switch (c) {
                case Insn.Call.Helper h -> "call " + h.id();
                case Insn.Call.Local l -> "call local " + target(l.target());
                case Insn.Call.Kfunc k -> "call runtime " + k.btfId() + (k.btfFdIndex() != 0 ? ", " + k.btfFdIndex() : "");
                case Insn.Call.Indirect x -> "call " + reg(x.reg());
            };
            case Insn.Exit e -> "exit";
            case Insn.PacketLoad p -> p.indirect()
                    ? "ldind" + p.size().suffix() + " " + reg(p.src()) + ", " + p.imm()
                    : "ldabs" + p.size().suffix() + " " + p.imm();
        };
    }

    private static String alu(Insn.Alu a) {
        String suffix = a.wide() ? "" : "32";
        if (a.op() == AluOp.NEG) {
            return "neg" + suffix + " " + reg(a.dst());
        }
        if (a.op().isMovsx()) {
            return "movsx" + a.op().offset() + (a.wide() ? "64" : "32") + " " + reg(a.dst()) + ", " + operand(a.src());
        }
        return a.op().mnemonic() + suffix + " " + reg(a.dst()) + ", " + operand(a.src());
    }

    private static String lddw(Insn.LoadImm64 l) {
        if (l.source() == PseudoSource.IMM64 && l.symbol() == null) {
            return "lddw " + reg(l.dst()) + ", 0x" + Long.toHexString(l.imm());
        }
        int next = (int) (l.imm() >>> 32);
        String value = l.symbol() != null ? l.symbol() : Integer.toString(l.source() == PseudoSource.FUNC
                ? (int) l.imm() : (int) l.imm());
        return "ld_pseudo " + reg(l.dst()) + ", " + l.source().code() + ", " + value + (next != 0 ? ", " + next : "");
    }
}

package dev.bpf4j.asm;

import static dev.bpf4j.asm.Numbers.offsetHex;
import static dev.bpf4j.asm.Numbers.signedHex;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;

/**
 * Prints one instruction the way {@code llvm-objdump -d} (LLVM 19) does: hex immediates and offsets
 * ({@code r1 += 0x5}, {@code (r10 - 0x8)}, {@code goto +0x3}), {@code w} registers for 32-bit ALU and jump
 * operations, {@code r} registers in loads and stores. Where LLVM's text would not say which instruction it
 * is, bpf4j prints something that does, so the text re-assembles to the same bytes: 32-bit atomics are
 * printed as {@code llvm-objdump -d --mattr=+alu32} prints them (plain {@code -d} prints most of them as
 * {@code <unknown>}, and a 32-bit fetch-add as the plain add), local calls are
 * {@code call pc+0x3} (LLVM: {@code call 0x3}, the same as a helper call), kernel-function calls are
 * {@code call kfunc 0x10} (LLVM: {@code call 0x10}), an indirect packet load keeps its immediate
 * ({@code skb[r1 + 0x4]}), and {@code ld_pseudo} shows a non-zero second immediate as a fourth operand.
 */
final class LlvmFormatter {
    private LlvmFormatter() {
    }

    private static String reg(Reg r, boolean wide) {
        return (wide ? "r" : "w") + r.number();
    }

    private static String operand(Operand o, boolean wide) {
        return switch (o) {
            case Reg r -> reg(r, wide);
            case Imm(int v) -> signedHex(v);
        };
    }

    static String target(Target t) {
        return switch (t) {
            case Target.Offset(int s) -> offsetHex(s);
            case Target.Label(String name) -> name;
        };
    }

    private static String mem(Reg base, short off) {
        return "(" + reg(base, true) + (off < 0 ? " - " : " + ") + "0x" + Integer.toHexString(Math.abs(off)) + ")";
    }

    /** The LLVM text of {@code insn}. */
    static String format(Insn insn) {
        return switch (insn) {
            case Insn.Alu a -> alu(a);
            case Insn.Endian e -> "r" + e.dst().number() + " = " + e.kind().mnemonic() + e.width() + " r" + e.dst().number();
            case Insn.Jump j -> "if " + reg(j.dst(), j.wide()) + " " + j.op().llvmOperator() + " "
                    + operand(j.src(), j.wide()) + " goto " + target(j.target());
            case Insn.Goto g -> (g.longOffset() ? "gotol " : "goto ") + target(g.target());
            case Insn.Load l -> reg(l.dst(), true) + " = *("
                    + (l.signExtend() ? l.size().signedType() : l.size().unsignedType()) + " *)" + mem(l.src(), l.offset());
            case Insn.Store s -> "*(" + s.size().unsignedType() + " *)" + mem(s.dst(), s.offset()) + " = "
                    + operand(s.src(), true);
            case Insn.Atomic a -> atomic(a);
            case Insn.LoadImm64 l -> lddw(l);
            case Insn.Call c -> switch (c) {
                case Insn.Call.Helper h -> "call " + signedHex(h.id());
                case Insn.Call.Local l -> l.target() instanceof Target.Label(String name)
                        ? "call " + name : "call pc" + target(l.target());
                case Insn.Call.Kfunc k -> "call kfunc " + signedHex(k.btfId())
                        + (k.btfFdIndex() != 0 ? ", " + signedHex(k.btfFdIndex()) : "");
                case Insn.Call.Indirect x -> "callx " + reg(x.reg(), true);
            };
            case Insn.Exit e -> "exit";
            case Insn.PacketLoad p -> "r0 = *(" + p.size().unsignedType() + " *)skb["
                    + (p.indirect() ? reg(p.src(), true) + (p.imm() == 0 ? "" : p.imm() < 0
                            ? " - 0x" + Long.toHexString(-(long) p.imm()) : " + 0x" + Integer.toHexString(p.imm()))
                    : signedHex(p.imm())) + "]";
        };
    }

    private static String alu(Insn.Alu a) {
        String dst = reg(a.dst(), a.wide());
        if (a.op() == AluOp.NEG) {
            return dst + " = -" + dst;
        }
        if (a.op().isMovsx()) {
            return dst + " = (s" + a.op().offset() + ")" + operand(a.src(), a.wide());
        }
        return dst + " " + a.op().llvmOperator() + " " + operand(a.src(), a.wide());
    }

    private static String atomic(Insn.Atomic a) {
        boolean wide = a.size() == MemSize.DW;
        String src = reg(a.src(), wide);
        String addr = reg(a.dst(), true) + (a.offset() < 0 ? " - " : " + ") + "0x" + Integer.toHexString(Math.abs(a.offset()));
        String type = wide ? "u64" : "u32";
        return switch (a.op()) {
            case XCHG -> src + " = " + (wide ? "xchg_64(" : "xchg32_32(") + addr + ", " + src + ")";
            case CMPXCHG -> reg(Reg.R0, wide) + " = " + (wide ? "cmpxchg_64(" : "cmpxchg32_32(") + addr + ", "
                    + reg(Reg.R0, wide) + ", " + src + ")";
            case ADD, OR, AND, XOR -> a.fetch()
                    ? src + " = atomic_fetch_" + a.op().mnemonic() + "((" + type + " *)(" + addr + "), " + src + ")"
                    : "lock *(" + type + " *)(" + addr + ") " + symbol(a.op()) + "= " + src;
        };
    }

    private static String symbol(AtomicOp op) {
        return switch (op) {
            case ADD -> "+";
            case OR -> "|";
            case AND -> "&";
            case XOR -> "^";
            case XCHG, CMPXCHG -> throw new AssertionError(op);
        };
    }

    private static String lddw(Insn.LoadImm64 l) {
        if (l.source() == PseudoSource.IMM64 && l.symbol() == null) {
            return "r" + l.dst().number() + " = " + signedHex(l.imm()) + " ll";
        }
        long next = l.imm() >>> 32;
        String value = l.symbol() != null ? l.symbol() : "0x" + Integer.toHexString((int) l.imm());
        return "ld_pseudo\tr" + l.dst().number() + ", 0x" + Integer.toHexString(l.source().code()) + ", " + value
                + (next != 0 ? ", " + signedHex((int) next) : "");
    }
}

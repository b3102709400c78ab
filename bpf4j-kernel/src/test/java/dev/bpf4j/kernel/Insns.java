package dev.bpf4j.kernel;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.Reg;

import java.util.List;

/** Small test programs built from instruction records (no assembler needed). */
final class Insns {
    private Insns() {
    }

    static Insn mov(Reg dst, int imm) {
        return new Insn.Alu(true, AluOp.MOV, dst, new Imm(imm));
    }

    static Insn mov(Reg dst, Reg src) {
        return new Insn.Alu(true, AluOp.MOV, dst, src);
    }

    static Insn add(Reg dst, int imm) {
        return new Insn.Alu(true, AluOp.ADD, dst, new Imm(imm));
    }

    /** {@code r0 = value; exit}. */
    static Program returning(int value) {
        return Program.of(List.of(mov(Reg.R0, value), new Insn.Exit()));
    }
}

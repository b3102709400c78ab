package dev.bpf4j.asm;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.Reg;

/**
 * One-line conveniences for the arithmetic instructions of RFC 9669 section 4.1, named like the uBPF
 * mnemonics with the width spelled out ({@code add64}, {@code mov32}, {@code sdiv64}), each a call of the
 * one primitive {@link #alu}. An interface so that {@link ProgramBuilder} stays small.
 *
 * @param <B> the builder type, returned for chaining
 */
public interface AluShortcuts<B> {
    /** Appends {@code dst = dst op src} on 64 bits ({@code wide}) or 32 bits. */
    B alu(boolean wide, AluOp op, Reg dst, Operand src);

    /** {@code add dst, src}: 64-bit add of a register. */
    default B add64(Reg dst, Reg src) {
        return alu(true, AluOp.ADD, dst, src);
    }

    /** {@code add dst, imm}: 64-bit add of an immediate. */
    default B add64(Reg dst, int imm) {
        return alu(true, AluOp.ADD, dst, new Imm(imm));
    }

    /** {@code add32 dst, src}: 32-bit add of a register. */
    default B add32(Reg dst, Reg src) {
        return alu(false, AluOp.ADD, dst, src);
    }

    /** {@code add32 dst, imm}: 32-bit add of an immediate. */
    default B add32(Reg dst, int imm) {
        return alu(false, AluOp.ADD, dst, new Imm(imm));
    }

    /** {@code sub dst, src}: 64-bit sub of a register. */
    default B sub64(Reg dst, Reg src) {
        return alu(true, AluOp.SUB, dst, src);
    }

    /** {@code sub dst, imm}: 64-bit sub of an immediate. */
    default B sub64(Reg dst, int imm) {
        return alu(true, AluOp.SUB, dst, new Imm(imm));
    }

    /** {@code sub32 dst, src}: 32-bit sub of a register. */
    default B sub32(Reg dst, Reg src) {
        return alu(false, AluOp.SUB, dst, src);
    }

    /** {@code sub32 dst, imm}: 32-bit sub of an immediate. */
    default B sub32(Reg dst, int imm) {
        return alu(false, AluOp.SUB, dst, new Imm(imm));
    }

    /** {@code mul dst, src}: 64-bit mul of a register. */
    default B mul64(Reg dst, Reg src) {
        return alu(true, AluOp.MUL, dst, src);
    }

    /** {@code mul dst, imm}: 64-bit mul of an immediate. */
    default B mul64(Reg dst, int imm) {
        return alu(true, AluOp.MUL, dst, new Imm(imm));
    }

    /** {@code mul32 dst, src}: 32-bit mul of a register. */
    default B mul32(Reg dst, Reg src) {
        return alu(false, AluOp.MUL, dst, src);
    }

    /** {@code mul32 dst, imm}: 32-bit mul of an immediate. */
    default B mul32(Reg dst, int imm) {
        return alu(false, AluOp.MUL, dst, new Imm(imm));
    }

    /** {@code div dst, src}: 64-bit div of a register. */
    default B div64(Reg dst, Reg src) {
        return alu(true, AluOp.DIV, dst, src);
    }

    /** {@code div dst, imm}: 64-bit div of an immediate. */
    default B div64(Reg dst, int imm) {
        return alu(true, AluOp.DIV, dst, new Imm(imm));
    }

    /** {@code div32 dst, src}: 32-bit div of a register. */
    default B div32(Reg dst, Reg src) {
        return alu(false, AluOp.DIV, dst, src);
    }

    /** {@code div32 dst, imm}: 32-bit div of an immediate. */
    default B div32(Reg dst, int imm) {
        return alu(false, AluOp.DIV, dst, new Imm(imm));
    }

    /** {@code sdiv dst, src}: 64-bit sdiv of a register. */
    default B sdiv64(Reg dst, Reg src) {
        return alu(true, AluOp.SDIV, dst, src);
    }

    /** {@code sdiv dst, imm}: 64-bit sdiv of an immediate. */
    default B sdiv64(Reg dst, int imm) {
        return alu(true, AluOp.SDIV, dst, new Imm(imm));
    }

    /** {@code sdiv32 dst, src}: 32-bit sdiv of a register. */
    default B sdiv32(Reg dst, Reg src) {
        return alu(false, AluOp.SDIV, dst, src);
    }

    /** {@code sdiv32 dst, imm}: 32-bit sdiv of an immediate. */
    default B sdiv32(Reg dst, int imm) {
        return alu(false, AluOp.SDIV, dst, new Imm(imm));
    }

    /** {@code mod dst, src}: 64-bit mod of a register. */
    default B mod64(Reg dst, Reg src) {
        return alu(true, AluOp.MOD, dst, src);
    }

    /** {@code mod dst, imm}: 64-bit mod of an immediate. */
    default B mod64(Reg dst, int imm) {
        return alu(true, AluOp.MOD, dst, new Imm(imm));
    }

    /** {@code mod32 dst, src}: 32-bit mod of a register. */
    default B mod32(Reg dst, Reg src) {
        return alu(false, AluOp.MOD, dst, src);
    }

    /** {@code mod32 dst, imm}: 32-bit mod of an immediate. */
    default B mod32(Reg dst, int imm) {
        return alu(false, AluOp.MOD, dst, new Imm(imm));
    }

    /** {@code smod dst, src}: 64-bit smod of a register. */
    default B smod64(Reg dst, Reg src) {
        return alu(true, AluOp.SMOD, dst, src);
    }

    /** {@code smod dst, imm}: 64-bit smod of an immediate. */
    default B smod64(Reg dst, int imm) {
        return alu(true, AluOp.SMOD, dst, new Imm(imm));
    }

    /** {@code smod32 dst, src}: 32-bit smod of a register. */
    default B smod32(Reg dst, Reg src) {
        return alu(false, AluOp.SMOD, dst, src);
    }

    /** {@code smod32 dst, imm}: 32-bit smod of an immediate. */
    default B smod32(Reg dst, int imm) {
        return alu(false, AluOp.SMOD, dst, new Imm(imm));
    }

    /** {@code or dst, src}: 64-bit or of a register. */
    default B or64(Reg dst, Reg src) {
        return alu(true, AluOp.OR, dst, src);
    }

    /** {@code or dst, imm}: 64-bit or of an immediate. */
    default B or64(Reg dst, int imm) {
        return alu(true, AluOp.OR, dst, new Imm(imm));
    }

    /** {@code or32 dst, src}: 32-bit or of a register. */
    default B or32(Reg dst, Reg src) {
        return alu(false, AluOp.OR, dst, src);
    }

    /** {@code or32 dst, imm}: 32-bit or of an immediate. */
    default B or32(Reg dst, int imm) {
        return alu(false, AluOp.OR, dst, new Imm(imm));
    }

    /** {@code and dst, src}: 64-bit and of a register. */
    default B and64(Reg dst, Reg src) {
        return alu(true, AluOp.AND, dst, src);
    }

    /** {@code and dst, imm}: 64-bit and of an immediate. */
    default B and64(Reg dst, int imm) {
        return alu(true, AluOp.AND, dst, new Imm(imm));
    }

    /** {@code and32 dst, src}: 32-bit and of a register. */
    default B and32(Reg dst, Reg src) {
        return alu(false, AluOp.AND, dst, src);
    }

    /** {@code and32 dst, imm}: 32-bit and of an immediate. */
    default B and32(Reg dst, int imm) {
        return alu(false, AluOp.AND, dst, new Imm(imm));
    }

    /** {@code xor dst, src}: 64-bit xor of a register. */
    default B xor64(Reg dst, Reg src) {
        return alu(true, AluOp.XOR, dst, src);
    }

    /** {@code xor dst, imm}: 64-bit xor of an immediate. */
    default B xor64(Reg dst, int imm) {
        return alu(true, AluOp.XOR, dst, new Imm(imm));
    }

    /** {@code xor32 dst, src}: 32-bit xor of a register. */
    default B xor32(Reg dst, Reg src) {
        return alu(false, AluOp.XOR, dst, src);
    }

    /** {@code xor32 dst, imm}: 32-bit xor of an immediate. */
    default B xor32(Reg dst, int imm) {
        return alu(false, AluOp.XOR, dst, new Imm(imm));
    }

    /** {@code lsh dst, src}: 64-bit lsh of a register. */
    default B lsh64(Reg dst, Reg src) {
        return alu(true, AluOp.LSH, dst, src);
    }

    /** {@code lsh dst, imm}: 64-bit lsh of an immediate. */
    default B lsh64(Reg dst, int imm) {
        return alu(true, AluOp.LSH, dst, new Imm(imm));
    }

    /** {@code lsh32 dst, src}: 32-bit lsh of a register. */
    default B lsh32(Reg dst, Reg src) {
        return alu(false, AluOp.LSH, dst, src);
    }

    /** {@code lsh32 dst, imm}: 32-bit lsh of an immediate. */
    default B lsh32(Reg dst, int imm) {
        return alu(false, AluOp.LSH, dst, new Imm(imm));
    }

    /** {@code rsh dst, src}: 64-bit rsh of a register. */
    default B rsh64(Reg dst, Reg src) {
        return alu(true, AluOp.RSH, dst, src);
    }

    /** {@code rsh dst, imm}: 64-bit rsh of an immediate. */
    default B rsh64(Reg dst, int imm) {
        return alu(true, AluOp.RSH, dst, new Imm(imm));
    }

    /** {@code rsh32 dst, src}: 32-bit rsh of a register. */
    default B rsh32(Reg dst, Reg src) {
        return alu(false, AluOp.RSH, dst, src);
    }

    /** {@code rsh32 dst, imm}: 32-bit rsh of an immediate. */
    default B rsh32(Reg dst, int imm) {
        return alu(false, AluOp.RSH, dst, new Imm(imm));
    }

    /** {@code arsh dst, src}: 64-bit arsh of a register. */
    default B arsh64(Reg dst, Reg src) {
        return alu(true, AluOp.ARSH, dst, src);
    }

    /** {@code arsh dst, imm}: 64-bit arsh of an immediate. */
    default B arsh64(Reg dst, int imm) {
        return alu(true, AluOp.ARSH, dst, new Imm(imm));
    }

    /** {@code arsh32 dst, src}: 32-bit arsh of a register. */
    default B arsh32(Reg dst, Reg src) {
        return alu(false, AluOp.ARSH, dst, src);
    }

    /** {@code arsh32 dst, imm}: 32-bit arsh of an immediate. */
    default B arsh32(Reg dst, int imm) {
        return alu(false, AluOp.ARSH, dst, new Imm(imm));
    }

    /** {@code mov dst, src}: 64-bit mov of a register. */
    default B mov64(Reg dst, Reg src) {
        return alu(true, AluOp.MOV, dst, src);
    }

    /** {@code mov dst, imm}: 64-bit mov of an immediate. */
    default B mov64(Reg dst, int imm) {
        return alu(true, AluOp.MOV, dst, new Imm(imm));
    }

    /** {@code mov32 dst, src}: 32-bit mov of a register. */
    default B mov32(Reg dst, Reg src) {
        return alu(false, AluOp.MOV, dst, src);
    }

    /** {@code mov32 dst, imm}: 32-bit mov of an immediate. */
    default B mov32(Reg dst, int imm) {
        return alu(false, AluOp.MOV, dst, new Imm(imm));
    }

    /** {@code neg dst}: 64-bit negation. */
    default B neg64(Reg dst) {
        return alu(true, AluOp.NEG, dst, new Imm(0));
    }

    /** {@code neg32 dst}: 32-bit negation. */
    default B neg32(Reg dst) {
        return alu(false, AluOp.NEG, dst, new Imm(0));
    }

    /** {@code movsx}: 64-bit move sign-extending the low {@code fromBits} (8, 16 or 32) bits of {@code src}. */
    default B movsx64(Reg dst, Reg src, int fromBits) {
        return alu(true, movsx(fromBits), dst, src);
    }

    /** {@code movsx}: 32-bit move sign-extending the low {@code fromBits} (8 or 16) bits of {@code src}. */
    default B movsx32(Reg dst, Reg src, int fromBits) {
        return alu(false, movsx(fromBits), dst, src);
    }

    private static AluOp movsx(int fromBits) {
        return switch (fromBits) {
            case 8 -> AluOp.MOVSX8;
            case 16 -> AluOp.MOVSX16;
            case 32 -> AluOp.MOVSX32;
            default -> throw new IllegalArgumentException("movsx sign-extends from 8, 16 or 32 bits, not " + fromBits);
        };
    }
}

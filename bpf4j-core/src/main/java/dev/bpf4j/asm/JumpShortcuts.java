package dev.bpf4j.asm;

import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;

/**
 * One-line conveniences for the 64-bit conditional jumps of RFC 9669 section 4.3 to a label
 * ({@code jeq(R1, 0, "out")}), each a call of the one primitive {@link #jump}; 32-bit comparisons and
 * numeric offsets go through {@link #jump32} and {@link #jump} directly. An interface so that
 * {@link ProgramBuilder} stays small.
 *
 * @param <B> the builder type, returned for chaining
 */
public interface JumpShortcuts<B> {
    /** Appends {@code if dst op src goto target}, comparing 64 bits ({@code wide}) or 32. */
    B jump(boolean wide, JumpOp op, Reg dst, Operand src, Target target);

    /** A 32-bit comparison (JMP32 class) to a label. */
    default B jump32(JumpOp op, Reg dst, Operand src, String label) {
        return jump(false, op, dst, src, Target.label(label));
    }

    /** {@code jeq dst, src, label}: 64-bit compare of registers. */
    default B jeq(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JEQ, dst, src, Target.label(label));
    }

    /** {@code jeq dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jeq(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JEQ, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jne dst, src, label}: 64-bit compare of registers. */
    default B jne(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JNE, dst, src, Target.label(label));
    }

    /** {@code jne dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jne(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JNE, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jgt dst, src, label}: 64-bit compare of registers. */
    default B jgt(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JGT, dst, src, Target.label(label));
    }

    /** {@code jgt dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jgt(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JGT, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jge dst, src, label}: 64-bit compare of registers. */
    default B jge(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JGE, dst, src, Target.label(label));
    }

    /** {@code jge dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jge(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JGE, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jlt dst, src, label}: 64-bit compare of registers. */
    default B jlt(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JLT, dst, src, Target.label(label));
    }

    /** {@code jlt dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jlt(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JLT, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jle dst, src, label}: 64-bit compare of registers. */
    default B jle(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JLE, dst, src, Target.label(label));
    }

    /** {@code jle dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jle(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JLE, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jsgt dst, src, label}: 64-bit compare of registers. */
    default B jsgt(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JSGT, dst, src, Target.label(label));
    }

    /** {@code jsgt dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jsgt(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JSGT, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jsge dst, src, label}: 64-bit compare of registers. */
    default B jsge(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JSGE, dst, src, Target.label(label));
    }

    /** {@code jsge dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jsge(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JSGE, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jslt dst, src, label}: 64-bit compare of registers. */
    default B jslt(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JSLT, dst, src, Target.label(label));
    }

    /** {@code jslt dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jslt(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JSLT, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jsle dst, src, label}: 64-bit compare of registers. */
    default B jsle(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JSLE, dst, src, Target.label(label));
    }

    /** {@code jsle dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jsle(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JSLE, dst, new Imm(imm), Target.label(label));
    }

    /** {@code jset dst, src, label}: 64-bit compare of registers. */
    default B jset(Reg dst, Reg src, String label) {
        return jump(true, JumpOp.JSET, dst, src, Target.label(label));
    }

    /** {@code jset dst, imm, label}: 64-bit compare with a sign-extended immediate. */
    default B jset(Reg dst, int imm, String label) {
        return jump(true, JumpOp.JSET, dst, new Imm(imm), Target.label(label));
    }
}

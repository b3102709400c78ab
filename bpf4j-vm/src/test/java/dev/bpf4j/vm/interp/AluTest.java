package dev.bpf4j.vm.interp;

import static dev.bpf4j.vm.Asm.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.ByteSwap;
import dev.bpf4j.isa.JumpOp;
import org.junit.jupiter.api.Test;

/** RFC 9669 section 4 edge cases: division and modulo by zero, signed overflow, shifts, widths, swaps, jumps. */
class AluTest {
    private static long alu64(AluOp op, long a, long b) {
        return run(lddw(R0, a), lddw(R1, b), dev.bpf4j.vm.Asm.alu64(op, R0, R1), exit());
    }

    private static long alu32(AluOp op, long a, long b) {
        return run(lddw(R0, a), lddw(R1, b), dev.bpf4j.vm.Asm.alu32(op, R0, R1), exit());
    }

    private static long alu64k(AluOp op, long a, int k) {
        return run(lddw(R0, a), dev.bpf4j.vm.Asm.alu64(op, R0, imm(k)), exit());
    }

    private static long alu32k(AluOp op, long a, int k) {
        return run(lddw(R0, a), dev.bpf4j.vm.Asm.alu32(op, R0, imm(k)), exit());
    }

    @Test
    void divisionByZeroGivesZero() {
        assertThat(alu64(AluOp.DIV, 77, 0)).isZero();
        assertThat(alu32(AluOp.DIV, 77, 0)).isZero();
        assertThat(alu64(AluOp.SDIV, -77, 0)).isZero();
        assertThat(alu32k(AluOp.SDIV, -77, 0)).isZero();
        assertThat(alu64k(AluOp.DIV, 77, 0)).isZero();
    }

    @Test
    void moduloByZeroLeavesDstTruncatedIn32Bit() {
        assertThat(alu64(AluOp.MOD, 0x1_2345_6789L, 0)).isEqualTo(0x1_2345_6789L);
        assertThat(alu32(AluOp.MOD, 0x1_2345_6789L, 0)).isEqualTo(0x2345_6789L);
        assertThat(alu64(AluOp.SMOD, -5, 0)).isEqualTo(-5);
        assertThat(alu32(AluOp.SMOD, -5, 0)).isEqualTo(0xffff_fffbL);
    }

    @Test
    void signedOverflow() {
        assertThat(alu64(AluOp.SDIV, Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(alu64(AluOp.SMOD, Long.MIN_VALUE, -1)).isZero();
        assertThat(alu32(AluOp.SDIV, Integer.MIN_VALUE, -1)).isEqualTo(0x8000_0000L);
        assertThat(alu32k(AluOp.SMOD, Integer.MIN_VALUE, -1)).isZero();
        assertThat(alu64(AluOp.SDIV, -7, 2)).isEqualTo(-3);
        assertThat(alu64(AluOp.SMOD, -7, 2)).isEqualTo(-1);
        assertThat(alu32(AluOp.SMOD, 7, -2)).isEqualTo(1);
    }

    @Test
    void unsignedDivisionUsesSignExtendedImmediateIn64Bit() {
        // imm -1 becomes 0xffff_ffff_ffff_ffff: any smaller dividend gives 0.
        assertThat(alu64k(AluOp.DIV, 0xffff_fffeL, -1)).isZero();
        assertThat(alu32k(AluOp.DIV, 0xffff_fffeL, -1)).isZero();
        assertThat(alu32k(AluOp.DIV, 0xffff_ffffL, -1)).isEqualTo(1);
        assertThat(alu64(AluOp.DIV, -1, 2)).isEqualTo(Long.MAX_VALUE);
        assertThat(alu64(AluOp.MOD, -1, 10)).isEqualTo(5);
    }

    @Test
    void shiftsAreMasked() {
        assertThat(alu64(AluOp.LSH, 1, 65)).isEqualTo(2);
        assertThat(alu32(AluOp.LSH, 1, 33)).isEqualTo(2);
        assertThat(alu64(AluOp.RSH, -1, 127)).isEqualTo(1);
        assertThat(alu32(AluOp.ARSH, 0x8000_0000L, 31 + 32)).isEqualTo(0xffff_ffffL);
        assertThat(alu64k(AluOp.ARSH, Long.MIN_VALUE, 63)).isEqualTo(-1);
    }

    @Test
    void thirtyTwoBitOpsZeroExtendAndImmediatesSignExtend() {
        assertThat(alu32k(AluOp.ADD, 0xffff_ffff_ffff_ffffL, 1)).isZero();
        assertThat(alu32k(AluOp.MOV, 0, -1)).isEqualTo(0xffff_ffffL);
        assertThat(alu64k(AluOp.MOV, 0, -1)).isEqualTo(-1);
        assertThat(alu64k(AluOp.ADD, 0, -2)).isEqualTo(-2);
        assertThat(alu64k(AluOp.AND, -1, -16)).isEqualTo(-16);
        assertThat(alu32k(AluOp.NEG, 1, 0)).isEqualTo(0xffff_ffffL);
        assertThat(run(lddw(R0, 5), dev.bpf4j.vm.Asm.alu64(AluOp.NEG, R0, imm(0)), exit())).isEqualTo(-5);
        assertThat(alu32(AluOp.MUL, 0x1_0000_0003L, 0x1_0000_0005L)).isEqualTo(15);
    }

    @Test
    void signExtendingMoves() {
        assertThat(alu64(AluOp.MOVSX8, 0, 0x80)).isEqualTo(-128);
        assertThat(alu64(AluOp.MOVSX16, 0, 0x8000)).isEqualTo(-32768);
        assertThat(alu64(AluOp.MOVSX32, 0, 0x8000_0000L)).isEqualTo(Integer.MIN_VALUE);
        assertThat(alu32(AluOp.MOVSX8, 0, 0xff)).isEqualTo(0xffff_ffffL);
        assertThat(alu32(AluOp.MOVSX16, 0, 0x7fff)).isEqualTo(0x7fff);
    }

    @Test
    void byteSwaps() {
        long v = 0x1122_3344_5566_7788L;
        assertThat(run(lddw(R0, v), swap(ByteSwap.TO_LE, 16, R0), exit())).isEqualTo(0x7788);
        assertThat(run(lddw(R0, v), swap(ByteSwap.TO_LE, 32, R0), exit())).isEqualTo(0x5566_7788L);
        assertThat(run(lddw(R0, v), swap(ByteSwap.TO_LE, 64, R0), exit())).isEqualTo(v);
        assertThat(run(lddw(R0, v), swap(ByteSwap.TO_BE, 16, R0), exit())).isEqualTo(0x8877);
        assertThat(run(lddw(R0, v), swap(ByteSwap.TO_BE, 32, R0), exit())).isEqualTo(0x8877_6655L);
        assertThat(run(lddw(R0, v), swap(ByteSwap.TO_BE, 64, R0), exit())).isEqualTo(0x8877_6655_4433_2211L);
        assertThat(run(lddw(R0, v), swap(ByteSwap.BSWAP, 16, R0), exit())).isEqualTo(0x8877);
        assertThat(run(lddw(R0, v), swap(ByteSwap.BSWAP, 64, R0), exit())).isEqualTo(0x8877_6655_4433_2211L);
    }

    private static boolean taken(boolean wide, JumpOp op, long a, long b) {
        var j = wide ? jmp(op, R1, R2, 1) : jmp32(op, R1, R2, 1);
        return run(lddw(R1, a), lddw(R2, b), mov(R0, 0), j, exit(), mov(R0, 1), exit()) == 1;
    }

    private static boolean takenK(boolean wide, JumpOp op, long a, int k) {
        var j = wide ? jmp(op, R1, imm(k), 1) : jmp32(op, R1, imm(k), 1);
        return run(lddw(R1, a), mov(R0, 0), j, exit(), mov(R0, 1), exit()) == 1;
    }

    @Test
    void jumpsCompareSignedAndUnsignedOnTheRightWidth() {
        assertThat(taken(true, JumpOp.JGT, -1, 1)).isTrue();
        assertThat(taken(true, JumpOp.JSGT, -1, 1)).isFalse();
        assertThat(taken(false, JumpOp.JEQ, 0x1_0000_0005L, 5)).isTrue();
        assertThat(taken(true, JumpOp.JEQ, 0x1_0000_0005L, 5)).isFalse();
        assertThat(taken(false, JumpOp.JSLT, 0x8000_0000L, 0)).isTrue();
        assertThat(taken(true, JumpOp.JSLT, 0x8000_0000L, 0)).isFalse();
        assertThat(taken(true, JumpOp.JSET, 6, 2)).isTrue();
        assertThat(taken(true, JumpOp.JSET, 6, 1)).isFalse();
        assertThat(taken(true, JumpOp.JLE, 3, 3)).isTrue();
        assertThat(taken(true, JumpOp.JLT, 3, 3)).isFalse();
        assertThat(taken(true, JumpOp.JGE, 3, 3)).isTrue();
        assertThat(taken(true, JumpOp.JSGE, -3, -3)).isTrue();
        assertThat(taken(true, JumpOp.JSLE, -4, -3)).isTrue();
        assertThat(taken(true, JumpOp.JNE, -4, -3)).isTrue();
        // 64-bit comparisons sign-extend the immediate; 32-bit ones compare the low halves.
        assertThat(takenK(true, JumpOp.JEQ, -1, -1)).isTrue();
        assertThat(takenK(true, JumpOp.JEQ, 0xffff_ffffL, -1)).isFalse();
        assertThat(takenK(false, JumpOp.JEQ, 0xffff_ffffL, -1)).isTrue();
        assertThat(takenK(true, JumpOp.JGT, 5, -1)).isFalse();
        assertThat(takenK(false, JumpOp.JSGT, 5, -1)).isTrue();
    }

    @Test
    void opcodeLayoutMatchesTheEnums() {
        assertThat(AluOp.ARSH.ordinal() * 4 + 3).isLessThan(Op.JUMP_BASE);
        assertThat(AluOp.MOVSX8.ordinal() * 4).isEqualTo(Op.MOVSX864_X);
        assertThat(Op.JUMP_BASE + JumpOp.JSLE.ordinal() * 4 + 3).isEqualTo(Op.JSLE32_K).isLessThan(Op.LE16);
        assertThat(Op.JUMP_BASE + JumpOp.JSET.ordinal() * 4).isEqualTo(Op.JSET64_X);
    }

    @Test
    void fusedMovePairsKeepTheirMeaning() {
        // mov r1, r2; add r1, r1 (the second reads the moved value) and every fused kind once.
        assertThat(run(mov(R2, 21), mov(R1, R2), dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R1, R1), mov(R0, R1), exit()))
                .isEqualTo(42);
        for (AluOp op : new AluOp[] {AluOp.ADD, AluOp.SUB, AluOp.MUL, AluOp.AND, AluOp.OR, AluOp.XOR}) {
            long expected = alu64(op, 1000, 7);
            assertThat(run(mov(R2, 1000), mov(R3, 7), mov(R0, R2), dev.bpf4j.vm.Asm.alu64(op, R0, R3), exit()))
                    .as(op.name()).isEqualTo(expected);
        }
        for (AluOp op : new AluOp[] {AluOp.ADD, AluOp.LSH, AluOp.RSH, AluOp.ARSH, AluOp.AND, AluOp.MUL}) {
            long expected = alu64k(op, -1000, 3);
            assertThat(run(mov(R2, -1000), mov(R0, R2), dev.bpf4j.vm.Asm.alu64(op, R0, imm(3)), exit()))
                    .as(op.name()).isEqualTo(expected);
        }
        for (AluOp op : new AluOp[] {AluOp.ADD, AluOp.XOR, AluOp.OR}) {
            long expected = alu32(op, 0x1_8000_0001L, 0xffff_fff0L);
            assertThat(run(lddw(R2, 0x1_8000_0001L), lddw(R3, 0xffff_fff0L), dev.bpf4j.vm.Asm.alu32(AluOp.MOV, R0, R2),
                    dev.bpf4j.vm.Asm.alu32(op, R0, R3), exit())).as(op.name()).isEqualTo(expected);
        }
        assertThat(run(lddw(R2, 0x1_8000_0001L), dev.bpf4j.vm.Asm.alu32(AluOp.MOV, R0, R2),
                dev.bpf4j.vm.Asm.alu32(AluOp.ADD, R0, R0), exit())).isEqualTo(2);
        for (AluOp op : new AluOp[] {AluOp.ADD, AluOp.AND, AluOp.LSH, AluOp.RSH}) {
            long expected = alu32k(op, 0x1_8000_0001L, -3);
            assertThat(run(lddw(R2, 0x1_8000_0001L), dev.bpf4j.vm.Asm.alu32(AluOp.MOV, R0, R2),
                    dev.bpf4j.vm.Asm.alu32(op, R0, imm(-3)), exit())).as(op.name()).isEqualTo(expected);
        }
        // A jump into the second instruction of a pair must not skip or repeat anything.
        assertThat(run(mov(R0, 5), mov(R2, 1), jmp(JumpOp.JEQ, R2, imm(1), 1), mov(R0, R2),
                dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R0, imm(10)), exit())).isEqualTo(15);
        Interpreter vm = Interpreter.of(prog(mov(R2, 1), mov(R0, R2), dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R0, imm(1)),
                exit()));
        vm.run(null);
        assertThat(vm.executedInstructions()).isEqualTo(4);
    }

    @Test
    void fusedLoopBackEdgesCountAndBranchLikeTheirParts() {
        // r0 counts iterations of: r1 += 3; if r1 (<, !=, >) r2 goto loop, in K and X forms.
        for (JumpOp op : new JumpOp[] {JumpOp.JLT, JumpOp.JNE, JumpOp.JGT}) {
            long limit = op == JumpOp.JGT ? 0 : 30;
            long start = op == JumpOp.JGT ? -300 : 0;
            Interpreter k = Interpreter.of(prog(lddw(R1, start), mov(R2, (int) limit), mov(R0, 0),
                    dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R0, imm(1)),
                    dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R1, imm(op == JumpOp.JGT ? 0 : 3)),
                    jmp(op, R1, R2, -3), exit()));
            Interpreter x = Interpreter.of(prog(lddw(R1, start), mov(R2, (int) limit), mov(R3, 3), mov(R0, 0),
                    dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R0, imm(1)), dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R1, R3),
                    jmp(op, R1, R2, -3), exit()));
            if (op == JumpOp.JGT) {
                // -300 + 0 is unsigned-greater than 0 forever: the budget must still stop it.
                Interpreter small = Interpreter.of(prog(lddw(R1, -300), mov(R2, 0),
                        dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R1, imm(0)), jmp(op, R1, R2, -2), exit()),
                        dev.bpf4j.vm.VmOptions.defaults().withBudget(500));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> small.run(null))
                        .isInstanceOf(dev.bpf4j.vm.VmException.class).hasMessageContaining("budget");
                continue;
            }
            assertThat(k.run(null)).as(op.name()).isEqualTo(10);
            assertThat(k.executedInstructions()).isEqualTo(3 + 10 * 3 + 1);
            assertThat(x.run(null)).as(op.name()).isEqualTo(10);
        }
        // A jump straight to the compare of a pair keeps the pair unfused and correct.
        assertThat(run(mov(R1, 0), mov(R2, 5), ja(1), dev.bpf4j.vm.Asm.alu64(AluOp.ADD, R1, imm(1)),
                jmp(JumpOp.JLT, R1, R2, -2), mov(R0, R1), exit())).isEqualTo(5);
    }
}

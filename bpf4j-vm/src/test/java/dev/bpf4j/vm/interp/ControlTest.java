package dev.bpf4j.vm.interp;

import static dev.bpf4j.vm.Asm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import org.junit.jupiter.api.Test;

/** Calls and frames, callx, the budget, legacy packet loads, atomics and the errors of control flow. */
class ControlTest {
    @Test
    void localCallsPreserveCalleeSavedRegistersAndGetTheirOwnFrame() {
        long r0 = run(
                mov(R6, 6), mov(R9, 9), st(MemSize.DW, R10, -8, 77), mov(R1, 5),
                callLocal(3),
                alu64(AluOp.ADD, R0, R6), alu64(AluOp.ADD, R0, R9), ldx(MemSize.DW, R1, R10, -8),
                alu64(AluOp.ADD, R0, R1), exit());
        // The call at 4 lands on 8 ("r0 += r1; exit": 0 + 5); back at 5: 5 + 6 + 9, then + 77 from the stack at 8.
        assertThat(r0).isEqualTo(5 + 6 + 9 + 77);
    }

    @Test
    void calleeClobbersDoNotLeakAndFramesAreSeparate() {
        long r0 = run(
                mov(R6, 1), st(MemSize.DW, R10, -8, 100),
                callLocal(3),
                ldx(MemSize.DW, R1, R10, -8), alu64(AluOp.ADD, R0, R1), exit(),
                // callee: writes its own frame and r6
                mov(R6, 50), st(MemSize.DW, R10, -8, 7), ldx(MemSize.DW, R0, R10, -8), alu64(AluOp.ADD, R0, R6),
                exit());
        assertThat(r0).isEqualTo(57 + 100);
        assertThat(run(mov(R6, 1), callLocal(1), mov(R0, R6), exit(), mov(R6, 50), exit())).isEqualTo(1);
    }

    @Test
    void callDepthIsLimitedToEightFrames() {
        // f(n): if n == 0 return 0; return f(n - 1) + 1.
        Insn[] f = {
            mov(R1, 0), callLocal(1), exit(),
            jmp(dev.bpf4j.isa.JumpOp.JNE, R1, imm(0), 2), mov(R0, 0), exit(),
            mov(R6, R1), alu64(AluOp.SUB, R1, imm(1)), callLocal(-6), alu64(AluOp.ADD, R0, imm(1)), exit()};
        f[0] = mov(R1, 6);
        assertThat(run(f)).isEqualTo(6);
        f[0] = mov(R1, 7);
        assertThatThrownBy(() -> run(f)).isInstanceOf(VmException.class)
                .hasMessageStartingWith("instruction 8:").hasMessageContaining("call depth exceeds 8");
    }

    @Test
    void callxCallsAHelperByIdOrAFunctionByAddress() {
        assertThat(run(mov(R2, 5), callx(R2), jmp(dev.bpf4j.isa.JumpOp.JNE, R0, imm(0), 1), exit(), mov(R0, 1),
                exit())).isEqualTo(1);
        long r0 = run(new Insn.LoadImm64(Reg.R3, PseudoSource.FUNC, 3, null), callx(R3), exit(),
                mov(R0, 42), exit());
        assertThat(r0).isEqualTo(42);
        assertThatThrownBy(() -> run(mov(R2, -1), callx(R2), exit())).isInstanceOf(VmException.class)
                .hasMessageContaining("neither a helper id nor a function address");
        assertThatThrownBy(() -> run(mov(R2, 9999), callx(R2), exit())).isInstanceOf(VmException.class)
                .hasMessageStartingWith("instruction 1: unknown helper id 9999");
    }

    @Test
    void budgetStopsRunawayLoops() {
        Interpreter vm = Interpreter.of(prog(mov(R0, 0), ja(-1), exit()), VmOptions.defaults().withBudget(1000));
        assertThatThrownBy(() -> vm.run(null)).isInstanceOf(VmException.class)
                .hasMessageContaining("instruction budget of 1000 exhausted");
        assertThat(vm.executedInstructions()).isEqualTo(1000);
        Interpreter exact = Interpreter.of(prog(mov(R0, 1), exit()), VmOptions.defaults().withBudget(2));
        assertThat(exact.run(null)).isEqualTo(1);
    }

    @Test
    void fallingOffTheEndAndKfuncsAreCleanErrors() {
        assertThatThrownBy(() -> run(mov(R0, 1))).isInstanceOf(VmException.class)
                .hasMessageContaining("without an exit");
        assertThatThrownBy(() -> run(new Insn.Call.Kfunc(77, (short) 0), exit())).isInstanceOf(VmException.class)
                .hasMessageContaining("kfunc").hasMessageContaining("not supported");
    }

    @Test
    void legacyPacketLoadsAreBigEndianAndEndTheProgramWithZeroWhenOutOfBounds() {
        byte[] pkt = {0x11, 0x22, 0x33, 0x44, 0x55};
        assertThat(run(pkt, new Insn.PacketLoad(MemSize.W, false, R0, 1), exit())).isEqualTo(0x22334455L);
        assertThat(run(pkt, new Insn.PacketLoad(MemSize.H, false, R0, 0), exit())).isEqualTo(0x1122);
        assertThat(run(pkt, mov(R3, 2), new Insn.PacketLoad(MemSize.B, true, R3, 2), exit())).isEqualTo(0x55);
        assertThat(run(pkt, mov(R3, 2), new Insn.PacketLoad(MemSize.H, true, R3, 2), mov(R0, 9), exit())).isZero();
        assertThat(run(pkt, mov(R3, -3), new Insn.PacketLoad(MemSize.B, true, R3, 0), mov(R0, 9), exit())).isZero();
        assertThat(run(new Insn.PacketLoad(MemSize.B, false, R0, 0), mov(R0, 9), exit())).isZero();
    }

    @Test
    void atomics() {
        byte[] mem = new byte[16];
        long r0 = run(mem, st(MemSize.DW, R1, 0, 10), mov(R2, 5),
                atomic(AtomicOp.ADD, true, MemSize.DW, R1, 0, R2), mov(R0, R2), exit());
        assertThat(r0).isEqualTo(10);
        assertThat(mem[0]).isEqualTo((byte) 15);
        r0 = run(mem, st(MemSize.W, R1, 8, -1), mov(R2, 1),
                atomic(AtomicOp.ADD, true, MemSize.W, R1, 8, R2), mov(R0, R2), exit());
        assertThat(r0).isEqualTo(0xffff_ffffL);
        assertThat(mem[8]).isZero();
        assertThat(run(mem, st(MemSize.DW, R1, 0, 0b1100), mov(R2, 0b1010), atomic(AtomicOp.OR, false, MemSize.DW,
                R1, 0, R2), atomic(AtomicOp.AND, false, MemSize.DW, R1, 0, R2), mov(R3, 0b0110),
                atomic(AtomicOp.XOR, true, MemSize.DW, R1, 0, R3), ldx(MemSize.DW, R0, R1, 0), exit()))
                .isEqualTo(0b1100);
        assertThat(run(mem, st(MemSize.DW, R1, 0, 3), mov(R2, 4), atomic(AtomicOp.XCHG, true, MemSize.DW, R1, 0, R2),
                ldx(MemSize.DW, R0, R1, 0), alu64(AluOp.LSH, R0, imm(8)), alu64(AluOp.OR, R0, R2), exit()))
                .isEqualTo(0x403);
        // cmpxchg: replaces only when r0 matches; r0 gets the old value.
        assertThat(run(mem, st(MemSize.DW, R1, 0, 3), mov(R0, 3), mov(R2, 8),
                atomic(AtomicOp.CMPXCHG, true, MemSize.DW, R1, 0, R2), ldx(MemSize.DW, R3, R1, 0),
                alu64(AluOp.LSH, R3, imm(8)), alu64(AluOp.OR, R0, R3), exit())).isEqualTo(0x803);
        assertThat(run(mem, st(MemSize.W, R1, 0, 3), lddw(R0, 0x1_0000_0004L), mov(R2, 8),
                atomic(AtomicOp.CMPXCHG, true, MemSize.W, R1, 0, R2), ldx(MemSize.W, R3, R1, 0),
                alu64(AluOp.LSH, R3, imm(8)), alu64(AluOp.OR, R0, R3), exit())).isEqualTo(0x303);
        assertThatThrownBy(() -> run(mem, atomic(AtomicOp.ADD, false, MemSize.DW, R1, 12, R2), exit()))
                .isInstanceOf(dev.bpf4j.vm.MemoryFaultException.class);
    }

    @Test
    void gotoWithLongOffset() {
        assertThat(run(new Insn.Goto(dev.bpf4j.isa.Target.offset(1), true), mov(R0, 1), mov(R0, 2), exit()))
                .isEqualTo(2);
    }
}

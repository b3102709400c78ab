package dev.bpf4j.vm.jit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.interp.Interpreter;
import dev.bpf4j.vm.maps.ArrayMap;
import dev.bpf4j.vm.maps.MapSpec;
import dev.bpf4j.vm.maps.MapType;
import dev.bpf4j.vm.maps.VmMap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JIT's own mechanisms: splitting, limits, the budget, stack slots in locals, real atomics. */
class JitFeaturesTest {
    private static Insn alu(AluOp op, Reg dst, int imm) {
        return new Insn.Alu(true, op, dst, new Imm(imm));
    }

    /** {@code n} arithmetic instructions on r0 (about 10 bytes of JVM bytecode each). */
    private static List<Insn> arithmetic(int n) {
        List<Insn> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(alu(i % 3 == 0 ? AluOp.XOR : i % 3 == 1 ? AluOp.MUL : AluOp.ADD, Reg.R0, 0x12345 + i));
        }
        return out;
    }

    @Test
    void programLargerThanOneJvmMethodIsSplitByFunction() {
        List<Insn> insns = new ArrayList<>();
        insns.add(alu(AluOp.MOV, Reg.R0, 1));
        insns.add(new Insn.Call.Local(Target.label("f")));
        insns.add(new Insn.Call.Local(Target.label("g")));
        insns.add(new Insn.Exit());
        int f = insns.size();
        insns.addAll(arithmetic(1500));
        insns.add(new Insn.Exit());
        int g = insns.size();
        insns.addAll(arithmetic(1500));
        insns.add(new Insn.Exit());
        Program p = new Program(insns, Map.of("f", f, "g", g));
        JitProgram jit = JitProgram.of(p);
        Interpreter vm = Interpreter.of(p);
        assertThat(jit.classSize()).isGreaterThan(65536);
        assertThat(jit.run(null)).isEqualTo(vm.run(null));
        assertThat(jit.executedInstructions()).isEqualTo(vm.executedInstructions());
        JitCorpusTest.assertVerifies(JitCompiler.classBytes(p, VmOptions.defaults()));
    }

    @Test
    void oneFunctionTooLargeForAJvmMethodIsRefusedWithAClearError() {
        List<Insn> insns = new ArrayList<>(arithmetic(14000));
        insns.add(new Insn.Exit());
        assertThatThrownBy(() -> JitProgram.of(Program.of(insns)))
                .isInstanceOf(JitLimitException.class)
                .hasMessageStartingWith("instruction 0: the function starting here is too large for the JIT")
                .hasMessageContaining("in f0(")
                .hasMessageContaining("64 KiB");
    }

    @Test
    void endlessLoopStopsWithTheInterpretersErrorAtTheSameInstruction() {
        Program p = new Program(List.of(alu(AluOp.MOV, Reg.R0, 0), alu(AluOp.ADD, Reg.R0, 1),
                new Insn.Store(MemSize.DW, Reg.R10, (short) -8, Reg.R0), alu(AluOp.ADD, Reg.R0, 2),
                new Insn.Goto(Target.label("top"), false)), Map.of("top", 1));
        for (long budget : new long[] {1, 2, 3, 4, 5, 1000, 1001, 1002, 1003}) {
            VmOptions o = VmOptions.defaults().withBudget(budget);
            JitProgram jit = JitProgram.of(p, o);
            Interpreter vm = Interpreter.of(p, o);
            assertThatThrownBy(() -> jit.run(null)).isInstanceOf(VmException.class)
                    .hasMessage(messageOf(() -> vm.run(null)));
            assertThat(jit.executedInstructions()).isEqualTo(budget).isEqualTo(vm.executedInstructions());
            assertThat(jit.memory().table()[1]).isEqualTo(vm.memory().table()[1]);
        }
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (VmException e) {
            return e.getMessage();
        }
    }

    @Test
    void spilledStackSlotsLiveInLocalsAndAreWrittenBack() {
        Program p = Program.of(List.of(alu(AluOp.MOV, Reg.R1, 5), new Insn.Store(MemSize.DW, Reg.R10, (short) -8,
                Reg.R1), new Insn.Store(MemSize.DW, Reg.R10, (short) -16, new Imm(7)),
                new Insn.Load(MemSize.DW, false, Reg.R0, Reg.R10, (short) -8),
                new Insn.Load(MemSize.DW, false, Reg.R2, Reg.R10, (short) -16),
                new Insn.Alu(true, AluOp.ADD, Reg.R0, Reg.R2), new Insn.Exit()));
        assertThat(new Flow(p, (s, i, n) -> 0).stack.count()).isEqualTo(2);
        JitProgram jit = JitProgram.of(p);
        assertThat(jit.run(null)).isEqualTo(12);
        byte[] frame = jit.memory().table()[1];
        assertThat(ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getLong(504)).isEqualTo(5);
        assertThat(ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getLong(496)).isEqualTo(7);
    }

    @Test
    void atomicsAreAtomicAcrossThreads() throws InterruptedException {
        VmMap map = VmMap.create(MapSpec.of("counter", MapType.ARRAY, 4, 8, 1), 1);
        VmOptions o = VmOptions.defaults().withMapsByFd(Map.of(3, map));
        // r1 = &value; r2 = 100000; loop: lock *(u64 *)(r1 + 0) += 1; r2 -= 1; if r2 != 0 goto loop
        Program p = new Program(List.of(new Insn.LoadImm64(Reg.R1, PseudoSource.MAP_VALUE, 3, null),
                alu(AluOp.MOV, Reg.R2, 100_000), alu(AluOp.MOV, Reg.R3, 1),
                new Insn.Atomic(AtomicOp.ADD, false, MemSize.DW, Reg.R1, Reg.R3, (short) 0),
                alu(AluOp.SUB, Reg.R2, 1), new Insn.Jump(true, JumpOp.JNE, Reg.R2, new Imm(0), Target.label("loop")),
                alu(AluOp.MOV, Reg.R0, 0), new Insn.Exit()), Map.of("loop", 3));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            JitProgram jit = JitProgram.of(p, o);
            threads.add(Thread.ofPlatform().start(() -> jit.run(null)));
        }
        for (Thread t : threads) {
            t.join();
        }
        byte[] value = ((ArrayMap) map).get(0);
        assertThat(ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(400_000);
    }

    @Test
    void compileTimeIsMeasured() {
        JitProgram jit = JitProgram.of(Program.of(arithmetic(200)).insns().isEmpty() ? null
                : new Program(appendExit(arithmetic(200)), Map.of()));
        assertThat(jit.compileNanos()).isPositive();
        assertThat(jit.classSize()).isPositive();
    }

    private static List<Insn> appendExit(List<Insn> insns) {
        insns.add(new Insn.Exit());
        return insns;
    }
}

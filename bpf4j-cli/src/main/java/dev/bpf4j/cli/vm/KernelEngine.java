package dev.bpf4j.cli.vm;

import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.TestRunOptions;
import dev.bpf4j.kernel.UpdateFlag;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.VerifierException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a program in the Linux kernel through BPF_PROG_TEST_RUN with the conformance calling convention
 * (r1 = input memory, r2 = its length) and the whole 64-bit r0. A test run reports only 32 bits of r0,
 * so the program is loaded as a subprogram of a small wrapper: the wrapper points r1 at the value of a
 * one-element array map holding the memory (a map value is memory the verifier lets a program do pointer
 * arithmetic on, unlike a context), calls the program, stores its r0 into a second array map, and the
 * results are read back from both maps. The wrapper is a syscall program, which runs without a packet.
 */
final class KernelEngine {
    /** The label of the program under test inside the wrapper. */
    private static final String CALLEE = "__bpf4j_callee";

    private KernelEngine() {
    }

    /**
     * {@code program} ready to run in the kernel. The first run loads the wrapped program with its maps,
     * and later runs with memory of the same length reuse them (only the memory is rewritten), so
     * {@code --repeat} times the program rather than the verifier; closing unloads everything.
     */
    static Engine.Prepared prepare(Program program) {
        return new Loaded(program);
    }

    /**
     * Runs {@code program} once on a copy of {@code mem} (written back after the run) and returns r0,
     * loading and unloading it around the run.
     *
     * @throws KernelRejectionException if the verifier refuses the program
     * @throws dev.bpf4j.BpfException   naming the missing capabilities if the kernel refuses for lack of privilege
     */
    static long run(Program program, byte[] mem) {
        try (Engine.Prepared prepared = prepare(program)) {
            return prepared.run(mem);
        }
    }

    /** The wrapped program and its two maps, kept loaded for memory of one length. */
    private static final class Loaded implements Engine.Prepared {
        private static final byte[] ZERO_KEY = new byte[4];
        private final Program program;
        private int memLength = -2; // -1 means "no memory"; -2 "nothing loaded yet"
        private BpfMap result;
        private BpfMap memory;
        private BpfProgram prog;

        Loaded(Program program) {
            this.program = program;
        }

        @Override
        public long run(byte[] mem) {
            try {
                return runPrivileged(mem);
            } catch (SyscallException e) {
                if (e.errno() == 1 || e.errno() == 13) { // EPERM, EACCES
                    throw new dev.bpf4j.BpfException("--engine kernel needs root (CAP_BPF with CAP_PERFMON, or"
                            + " CAP_SYS_ADMIN): " + e.getMessage(), e);
                }
                throw e;
            }
        }

        private long runPrivileged(byte[] mem) {
            int length = mem != null && mem.length > 0 ? mem.length : -1;
            if (length != memLength) {
                close();
                loadFor(length);
            }
            if (memory != null) {
                memory.update(ZERO_KEY, mem, UpdateFlag.ANY);
            }
            prog.testRun(TestRunOptions.ofContext(null));
            if (memory != null) {
                byte[] after = memory.lookup(ZERO_KEY).orElseThrow();
                System.arraycopy(after, 0, mem, 0, mem.length);
            }
            byte[] r0 = result.lookup(ZERO_KEY).orElseThrow();
            return ByteBuffer.wrap(r0).order(ByteOrder.nativeOrder()).getLong();
        }

        private void loadFor(int length) {
            try {
                result = BpfMap.create(MapSpec.of("bpf4j_r0", MapType.ARRAY, 4, 8, 1));
                Map<String, BpfMap> maps = new HashMap<>();
                maps.put("bpf4j_r0", result);
                if (length > 0) {
                    memory = BpfMap.create(MapSpec.of("bpf4j_mem", MapType.ARRAY, 4, length, 1));
                    maps.put("bpf4j_mem", memory);
                }
                ProgramSpec spec = ProgramSpec.of("bpf4j_exec", ProgramType.SYSCALL, wrap(program, length));
                prog = load(spec, maps);
                memLength = length;
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public long executedInstructions() {
            return 0; // The kernel does not count them.
        }

        @Override
        public void close() {
            for (AutoCloseable c : new AutoCloseable[] {prog, memory, result}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("unloading the kernel engine's program", e);
                    }
                }
            }
            prog = null;
            memory = null;
            result = null;
            memLength = -2;
        }
    }

    private static BpfProgram load(ProgramSpec spec, Map<String, BpfMap> maps) {
        try {
            return BpfProgram.load(spec, maps, LoadOptions.DEFAULT);
        } catch (IllegalArgumentException e) {
            // A map reference other than the wrapper's own: the kernel engine creates no maps for programs.
            throw new dev.bpf4j.BpfException("--engine kernel runs programs without maps: " + e.getMessage(), e);
        } catch (VerifierException e) {
            throw new KernelRejectionException("rejected by the kernel verifier: " + e.decisiveLine(), e);
        } catch (SyscallException e) {
            if (e.errno() == 7) { // E2BIG without a log: the verifier's complexity limit
                throw new KernelRejectionException("rejected by the kernel verifier: the program is too large or"
                        + " loops too long to verify (BPF_PROG_LOAD: E2BIG; the verifier stops after 1 million"
                        + " instructions)", e);
            }
            throw e;
        }
    }

    /**
     * The wrapper followed by {@code program}: {@code r1 = &mem (or 0); r2 = len; call program;
     * *(u64 *)&r0map = r0; return 0}. {@code memLength} is -1 when there is no memory.
     */
    static Program wrap(Program program, int memLength) {
        List<Insn> insns = new ArrayList<>();
        if (memLength >= 0) {
            insns.add(new Insn.LoadImm64(Reg.R1, PseudoSource.MAP_VALUE, 0, "bpf4j_mem"));
        } else {
            insns.add(new Insn.Alu(true, AluOp.MOV, Reg.R1, new Imm(0)));
        }
        insns.add(new Insn.Alu(true, AluOp.MOV, Reg.R2, new Imm(Math.max(memLength, 0))));
        insns.add(new Insn.Call.Local(new Target.Label(CALLEE)));
        insns.add(new Insn.LoadImm64(Reg.R6, PseudoSource.MAP_VALUE, 0, "bpf4j_r0"));
        insns.add(new Insn.Store(MemSize.DW, Reg.R6, (short) 0, Reg.R0));
        insns.add(new Insn.Alu(true, AluOp.MOV, Reg.R0, new Imm(0)));
        insns.add(new Insn.Exit());
        int shift = insns.size();
        Map<String, Integer> labels = new HashMap<>();
        for (var e : program.labels().entrySet()) {
            labels.put(e.getKey(), e.getValue() + shift);
        }
        labels.put(CALLEE, shift);
        insns.addAll(program.insns());
        return new Program(insns, labels);
    }
}

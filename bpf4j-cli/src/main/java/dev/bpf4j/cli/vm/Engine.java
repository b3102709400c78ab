package dev.bpf4j.cli.vm;

import dev.bpf4j.BpfException;
import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.interp.Interpreter;

/** The execution engines {@code exec} and {@code conformance} can use ({@code --engine}). */
public enum Engine {
    /** The pre-decoding userspace interpreter. */
    INTERPRETER,
    /**
     * The Linux kernel, through BPF_PROG_TEST_RUN: the kernel's verifier and JIT (needs root or
     * CAP_BPF); see {@link KernelEngine} for how the full 64-bit r0 and the memory come back.
     */
    KERNEL;

    /** A program made ready to run on an engine, repeatably. */
    public interface Prepared {
        /** Runs once with {@code mem} as input memory (r1/r2; null for none) and returns r0. */
        long run(byte[] mem);

        /** How many instructions the last run executed. */
        long executedInstructions();
    }

    /** Prepares {@code program} to run with {@code options}. */
    public Prepared prepare(Program program, VmOptions options) {
        return switch (this) {
            case INTERPRETER -> {
                Interpreter interpreter = Interpreter.of(program, options);
                yield new Prepared() {
                    @Override
                    public long run(byte[] mem) {
                        return interpreter.run(mem);
                    }

                    @Override
                    public long executedInstructions() {
                        return interpreter.executedInstructions();
                    }
                };
            }
            case KERNEL -> KernelEngine.prepare(program);
        };
    }

    /**
     * The engine named {@code name} on the command line.
     *
     * @throws BpfException for an unknown name, or one not built yet (the JIT)
     */
    public static Engine parse(String name) {
        return switch (name) {
            case "interpreter", "interp" -> INTERPRETER;
            case "kernel" -> KERNEL;
            case "jit" -> throw new BpfException("--engine jit: the JIT (eBPF to JVM bytecode) is not built yet;"
                    + " use --engine interpreter");
            default -> throw new BpfException("--engine " + name + ": unknown engine; use --engine interpreter");
        };
    }
}

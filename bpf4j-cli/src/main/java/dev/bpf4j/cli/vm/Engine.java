package dev.bpf4j.cli.vm;

import dev.bpf4j.BpfException;
import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.interp.Interpreter;
import dev.bpf4j.vm.jit.JitLimitException;
import dev.bpf4j.vm.jit.JitProgram;

/** The execution engines {@code exec} and {@code conformance} can use ({@code --engine}). */
public enum Engine {
    /** The pre-decoding userspace interpreter: starts at once; best for short or one-off runs. */
    INTERPRETER,
    /**
     * The JIT: compiles the program to JVM bytecode (a hidden class) that HotSpot turns into machine code;
     * costs milliseconds up front, then runs near native speed. Same results and errors as the interpreter.
     */
    JIT,
    /**
     * The Linux kernel, through BPF_PROG_TEST_RUN: the kernel's verifier and JIT (needs root or
     * CAP_BPF); see {@link KernelEngine} for how the full 64-bit r0 and the memory come back.
     */
    KERNEL;

    /**
     * A program made ready to run on an engine, repeatably. Closing releases what the engine holds between
     * runs (the kernel engine keeps its program and maps loaded); the userspace engines hold nothing.
     */
    public interface Prepared extends AutoCloseable {
        /** Runs once with {@code mem} as input memory (r1/r2; null for none) and returns r0. */
        long run(byte[] mem);

        /** How many instructions the last run executed. */
        long executedInstructions();

        @Override
        default void close() {
        }
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
            case JIT -> {
                final JitProgram jit;
                try {
                    jit = JitProgram.of(program, options);
                } catch (JitLimitException e) {
                    // The program is still runnable: say why it is not compiled and interpret it.
                    System.err.println("bpf4j: warning: " + e.getMessage() + "; falling back to the interpreter");
                    yield INTERPRETER.prepare(program, options);
                }
                yield new Prepared() {
                    @Override
                    public long run(byte[] mem) {
                        return jit.run(mem);
                    }

                    @Override
                    public long executedInstructions() {
                        return jit.executedInstructions();
                    }
                };
            }
            case KERNEL -> KernelEngine.prepare(program);
        };
    }

    /**
     * The engine named {@code name} on the command line.
     *
     * @throws BpfException for an unknown name
     */
    public static Engine parse(String name) {
        return switch (name) {
            case "interpreter", "interp" -> INTERPRETER;
            case "jit" -> JIT;
            case "kernel" -> KERNEL;
            default -> throw new BpfException("--engine " + name + ": unknown engine; use interpreter, jit or kernel");
        };
    }
}

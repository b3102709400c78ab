package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.MapTable;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;

/**
 * A program compiled to JVM bytecode, the JIT's counterpart of {@link dev.bpf4j.vm.interp.Interpreter}
 * with the same contract: {@link #of} compiles once, {@link #run} executes as often as wanted with r1 = the
 * address of the input memory and r2 = its length (both 0 without input), reading and writing the caller's
 * array in place; the same bounds checks, helpers, maps, budget and {@link VmException} messages. The first
 * runs are slower while HotSpot compiles the generated code; long or repeated runs reach native speed.
 * One thread at a time.
 */
public final class JitProgram {
    private final Memory memory;
    private final VmOptions options;
    private final MapTable maps;
    private final JitRuntime rt;
    private final JitCompiler.Compiled main;

    private JitProgram(Program program, VmOptions options) {
        this.options = options;
        this.memory = new Memory();
        this.maps = new MapTable(options, memory);
        Flow.MapResolver resolver = mapResolver();
        JitRuntime[] self = new JitRuntime[1];
        this.rt = new JitRuntime(memory, options, maps.maps(), p -> JitCompiler.compile(p, self[0], resolver));
        self[0] = rt;
        this.main = JitCompiler.compile(program, rt, resolver);
    }

    /**
     * Compiles {@code program} for running with {@code options}.
     *
     * @throws VmException if an {@code lddw} names a map the options do not hold or a kernel variable, a
     *                     target is not an instruction, or a function is too large for one JVM method
     */
    public static JitProgram of(Program program, VmOptions options) {
        return new JitProgram(program, options);
    }

    /** Compiles {@code program} with {@link VmOptions#defaults()}. */
    public static JitProgram of(Program program) {
        return of(program, VmOptions.defaults());
    }

    /**
     * Runs the program and returns {@code r0}.
     *
     * @param mem the input memory, read and written in place, or null for none
     * @throws VmException if the program faults, calls what does not exist, or exceeds its budget
     */
    public long run(byte[] mem) {
        memory.resetDynamic();
        memory.setInput(mem);
        rt.reset();
        long r1 = mem == null ? 0 : Memory.address(Memory.INPUT_REGION, 0);
        long r2 = mem == null ? 0 : mem.length;
        try {
            return (long) main.entry().invokeExact(rt, 0, 0L, r1, r2, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        } catch (PacketAbort e) {
            return 0;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * How many instructions the last run executed, exactly as the interpreter counts them (including the one
     * that faulted). Counted per basic block while running, corrected per instruction when a run stops early.
     */
    public long executedInstructions() {
        return rt.n;
    }

    /** Nanoseconds the compilation of the program (analysis, bytecode, class loading) took. */
    public long compileNanos() {
        return main.compileNanos();
    }

    /** Size in bytes of the generated class file. */
    public int classSize() {
        return main.classBytes();
    }

    /** The address space (to inspect the stack or map values after a run). */
    public Memory memory() {
        return memory;
    }

    /** The options this program runs with. */
    public VmOptions options() {
        return options;
    }

    /** Resolves {@code lddw} of maps as the interpreter does: (pseudo source, imm64, symbol) to the value. */
    Flow.MapResolver mapResolver() {
        return maps::resolve;
    }
}

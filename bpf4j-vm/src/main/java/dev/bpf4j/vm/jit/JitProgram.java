package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.maps.ArrayMap;
import dev.bpf4j.vm.maps.VmMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
    private final List<VmMap> maps;
    private final JitRuntime rt;
    private final JitCompiler.Compiled main;

    private JitProgram(Program program, VmOptions options) {
        this.options = options;
        this.memory = new Memory();
        this.maps = mapTable(options);
        Flow.MapResolver resolver = mapResolver();
        JitRuntime[] self = new JitRuntime[1];
        this.rt = new JitRuntime(memory, options, maps, p -> JitCompiler.compile(p, self[0], resolver));
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
        return this::resolveMap;
    }

    private static List<VmMap> mapTable(VmOptions options) {
        Map<VmMap, Boolean> seen = new IdentityHashMap<>();
        List<VmMap> out = new ArrayList<>();
        for (VmMap m : options.mapsByIndex()) {
            if (seen.put(m, true) == null) {
                out.add(m);
            }
        }
        options.mapsByFd().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (seen.put(e.getValue(), true) == null) {
                out.add(e.getValue());
            }
        });
        return Collections.unmodifiableList(out);
    }

    /**
     * The value an {@code lddw} of a map loads: a handle, or the address of an array map's value; a symbolic
     * reference names the map by its {@link dev.bpf4j.vm.maps.MapSpec#name()}. Mirrors the interpreter's
     * resolution and its messages.
     */
    private long resolveMap(PseudoSource source, long imm, String symbol) {
        int ref = (int) imm;
        if (source == PseudoSource.BTF_ID) {
            throw new VmException(0, "lddw of a kernel variable (BTF id " + ref
                    + ") is not supported in the userspace VM");
        }
        VmMap map = symbol != null ? maps.stream().filter(m -> m.spec().name().equals(symbol)).findFirst()
                .orElseThrow(() -> new VmException(0, "lddw names map '" + symbol
                        + "', but the VM options hold no map of that name")) : switch (source) {
            case MAP_FD, MAP_VALUE -> options.mapsByFd().get(ref);
            case MAP_IDX, MAP_IDX_VALUE -> ref >= 0 && ref < options.mapsByIndex().size()
                    ? options.mapsByIndex().get(ref) : null;
            case IMM64, FUNC, BTF_ID -> throw new IllegalStateException("not a map reference: " + source);
        };
        if (map == null) {
            throw new VmException(0, "lddw names map " + (source == PseudoSource.MAP_FD || source == PseudoSource.MAP_VALUE
                    ? "fd " : "index ") + ref + ", but the VM options hold no such map");
        }
        if (source == PseudoSource.MAP_FD || source == PseudoSource.MAP_IDX) {
            return Memory.address(Memory.MAP_REGION, maps.indexOf(map));
        }
        if (!(map instanceof ArrayMap array)) {
            throw new VmException(0, "lddw of a value address needs an array map; " + map.spec().name() + " is a "
                    + map.spec().type());
        }
        return memory.addressOfFixed(array.get(0), "value of map " + map.spec().name()) + (imm >>> 32);
    }
}

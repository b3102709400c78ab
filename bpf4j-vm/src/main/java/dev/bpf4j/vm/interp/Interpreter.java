package dev.bpf4j.vm.interp;

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
 * The userspace eBPF interpreter (RFC 9669, all of it): {@link #of} pre-decodes a program once into flat
 * arrays, and {@link #run} executes it as often as wanted with the conformance calling convention: r1 = the
 * address of the input memory, r2 = its length (both 0 without input). The program reads and writes the
 * caller's array in place. Every memory access is bounds-checked against its {@link Memory} region; a bad
 * access, an unknown helper, too deep a call chain or an exhausted instruction budget stop the run with a
 * {@link VmException} (its {@code pc} is the slot index of the instruction, as {@code llvm-objdump} numbers
 * them), and the interpreter stays usable. One thread at a time: runs share registers, the stack and the
 * map-value regions; use one {@code Interpreter} per thread.
 *
 * <p>The legacy packet loads ({@code ldabs}/{@code ldind}, RFC 9669 section 5.5) read the input memory as the
 * packet, big-endian; one that falls outside it ends the program with r0 = 0, as the kernel does.
 *
 * <p>Speed: the program is pre-decoded into one packed {@code long} per instruction with a dense opcode, and
 * common instruction pairs are fused ({@link Fuser}); running allocates nothing except when helpers do.
 */
public final class Interpreter {
    private final Code code;
    private final Machine machine;
    private final Memory memory;
    private final VmOptions options;

    private Interpreter(Program program, VmOptions options) {
        this.options = options;
        this.memory = new Memory();
        List<VmMap> maps = mapTable(options);
        this.code = Predecoder.decode(program, (source, imm, symbol) -> resolveMap(maps, source, imm, symbol));
        this.machine = new Machine(memory, options, maps,
                p -> Predecoder.decode(p, (source, imm, symbol) -> resolveMap(maps, source, imm, symbol)));
    }

    /**
     * Pre-decodes {@code program} for running with {@code options}.
     *
     * @throws VmException if an {@code lddw} names a map the options do not hold, loads a kernel variable
     *                     ({@code BTF_ID}), or a target of a hand-built program is not an instruction
     */
    public static Interpreter of(Program program, VmOptions options) {
        return new Interpreter(program, options);
    }

    /** Pre-decodes {@code program} with {@link VmOptions#defaults()}. */
    public static Interpreter of(Program program) {
        return of(program, VmOptions.defaults());
    }

    /**
     * Runs the program from its first instruction and returns {@code r0}.
     *
     * @param mem the input memory, read and written in place, or null for none
     * @throws VmException if the program faults, calls what does not exist, or exceeds its budget
     */
    public long run(byte[] mem) {
        memory.resetDynamic();
        memory.setInput(mem);
        machine.reset();
        long r1 = mem == null ? 0 : Memory.address(Memory.INPUT_REGION, 0);
        long r2 = mem == null ? 0 : mem.length;
        return Engine.execute(machine, code, r1, r2);
    }

    /** How many instructions the last run executed (including the one that faulted, if it faulted). */
    public long executedInstructions() {
        return machine.executed;
    }

    /** The address space (to inspect the stack or map values after a run). */
    public Memory memory() {
        return memory;
    }

    /** The options this interpreter runs with. */
    public VmOptions options() {
        return options;
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
     * The value an {@code lddw} of a map loads: a handle, or the address of an array map's value. A symbolic
     * reference (from an assembler or a loader) names the map by its {@link dev.bpf4j.vm.maps.MapSpec#name()}.
     */
    private long resolveMap(List<VmMap> maps, PseudoSource source, long imm, String symbol) {
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

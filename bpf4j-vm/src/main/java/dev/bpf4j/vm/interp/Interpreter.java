package dev.bpf4j.vm.interp;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.MapTable;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;

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
        MapTable maps = new MapTable(options, memory);
        this.code = Predecoder.decode(program, maps::resolve);
        this.machine = new Machine(memory, options, maps.maps(), p -> Predecoder.decode(p, maps::resolve));
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
}

package dev.bpf4j.vm.helpers;

import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.maps.VmMap;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** What a helper can reach while a program runs: its memory, its maps, the simulated CPU, output sinks. */
public interface HelperContext {
    /** The program's address space (for reading arguments and writing results). */
    Memory memory();

    /** The slot index of the calling instruction, for error messages. */
    int pc();

    /**
     * The map a handle (from {@code lddw} of a map) names.
     *
     * @throws dev.bpf4j.vm.VmException if {@code handle} names no map
     */
    VmMap map(long handle);

    /** Every map the program can reach (by fd and by index), for helpers that must search them. */
    java.util.List<VmMap> maps();

    /** The simulated CPU the program runs on. */
    int cpu();

    /** Where {@code bpf_trace_printk} writes its lines. */
    Consumer<String> traceSink();

    /** The source of {@code bpf_get_prandom_u32}. */
    RandomGenerator random();

    /**
     * Arranges for the program to continue, once the helper returns, at the start of the program in slot
     * {@code index} of {@code progArray} ({@code bpf_tail_call}); 0, or a negative errno if the slot is
     * empty or the tail-call limit (33) is reached, in which case the program just goes on.
     */
    long tailCall(VmMap progArray, long index);
}

package dev.bpf4j.vm;

import dev.bpf4j.vm.helpers.HelperRegistry;
import dev.bpf4j.vm.maps.VmMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a VM runs programs. Defaults ({@link #defaults()}): a budget of 10<sup>10</sup> instructions (tens of
 * seconds of interpretation; enough for any benchmark here, small enough that a runaway loop ends), the
 * {@linkplain HelperRegistry#standard() standard helpers}, {@code trace_printk} lines to standard error,
 * no maps, 4 simulated CPUs with the program on CPU 0, and a fixed random seed (reproducible runs).
 *
 * @param instructionBudget the most instructions one run may execute; past it the run stops with a
 *                          {@link VmException}
 * @param helpers           helper functions by id
 * @param traceSink         receives each {@code bpf_trace_printk} line
 * @param mapsByFd          maps that {@code lddw} with {@code MAP_FD}/{@code MAP_VALUE} names by fd
 * @param mapsByIndex       maps that {@code lddw} with {@code MAP_IDX}/{@code MAP_IDX_VALUE} names by index
 * @param cpuCount          simulated CPUs (per-CPU maps hold this many values)
 * @param cpu               the CPU the program runs on ({@code bpf_get_smp_processor_id})
 * @param randomSeed        seed of {@code bpf_get_prandom_u32}
 */
public record VmOptions(long instructionBudget, HelperRegistry helpers, Consumer<String> traceSink,
        Map<Integer, VmMap> mapsByFd, List<VmMap> mapsByIndex, int cpuCount, int cpu, long randomSeed) {
    /** The default instruction budget. */
    public static final long DEFAULT_BUDGET = 10_000_000_000L;

    /** Validates and copies the collections. */
    public VmOptions {
        Objects.requireNonNull(helpers);
        Objects.requireNonNull(traceSink);
        mapsByFd = Map.copyOf(mapsByFd);
        mapsByIndex = List.copyOf(mapsByIndex);
        if (instructionBudget <= 0) {
            throw new IllegalArgumentException("instruction budget must be positive");
        }
        if (cpuCount <= 0 || cpu < 0 || cpu >= cpuCount) {
            throw new IllegalArgumentException("need cpuCount > 0 and 0 <= cpu < cpuCount");
        }
    }

    /** The defaults described above. */
    public static VmOptions defaults() {
        return new VmOptions(DEFAULT_BUDGET, HelperRegistry.standard(), System.err::println, Map.of(), List.of(),
                4, 0, 0x5eed);
    }

    /** A new empty map of {@code spec}, with one value per simulated CPU for the per-CPU types. */
    public VmMap newMap(dev.bpf4j.vm.maps.MapSpec spec) {
        return VmMap.create(spec, cpuCount);
    }

    /** These options with another instruction budget. */
    public VmOptions withBudget(long budget) {
        return new VmOptions(budget, helpers, traceSink, mapsByFd, mapsByIndex, cpuCount, cpu, randomSeed);
    }

    /** These options with another helper registry. */
    public VmOptions withHelpers(HelperRegistry registry) {
        return new VmOptions(instructionBudget, registry, traceSink, mapsByFd, mapsByIndex, cpuCount, cpu, randomSeed);
    }

    /** These options with another trace sink. */
    public VmOptions withTraceSink(Consumer<String> sink) {
        return new VmOptions(instructionBudget, helpers, sink, mapsByFd, mapsByIndex, cpuCount, cpu, randomSeed);
    }

    /** These options with maps by fd. */
    public VmOptions withMapsByFd(Map<Integer, VmMap> maps) {
        return new VmOptions(instructionBudget, helpers, traceSink, maps, mapsByIndex, cpuCount, cpu, randomSeed);
    }

    /** These options with maps by index (the program's fd array). */
    public VmOptions withMapsByIndex(List<VmMap> maps) {
        return new VmOptions(instructionBudget, helpers, traceSink, mapsByFd, maps, cpuCount, cpu, randomSeed);
    }

    /** These options with {@code count} CPUs, running on {@code current}. */
    public VmOptions withCpus(int count, int current) {
        return new VmOptions(instructionBudget, helpers, traceSink, mapsByFd, mapsByIndex, count, current, randomSeed);
    }
}

package dev.bpf4j.kernel.read;

import java.lang.foreign.MemorySegment;

/**
 * Receives what a perf buffer delivers: samples (the bytes a program passed to
 * {@code bpf_perf_event_output}) and counts of samples the kernel dropped because a CPU's ring was full.
 */
public interface PerfRecordHandler {
    /**
     * One sample from {@code cpu}'s ring. {@code data} is the raw area as the kernel stores it: the
     * program's bytes followed by up to 7 bytes of padding (the kernel keeps records 8-byte aligned). It
     * is a view of the ring (or of a scratch copy when the record wrapped around the ring's end), valid
     * only until this method returns.
     */
    void onSample(int cpu, MemorySegment data);

    /** {@code count} samples were lost on {@code cpu} (a {@code PERF_RECORD_LOST} record). Ignored by default. */
    default void onLost(int cpu, long count) {
    }
}

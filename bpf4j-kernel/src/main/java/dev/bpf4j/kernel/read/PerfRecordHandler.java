package dev.bpf4j.kernel.read;

import java.nio.ByteBuffer;

/**
 * Receives what a perf buffer delivers: samples (the bytes a program passed to
 * {@code bpf_perf_event_output}) and counts of samples the kernel dropped because a CPU's ring was full.
 */
public interface PerfRecordHandler {
    /**
     * One sample from {@code cpu}'s ring. {@code data} is the raw area as the kernel stores it: the
     * program's bytes followed by up to 7 bytes of padding (the kernel keeps records 8-byte aligned). It
     * is a read-only, native-order view of the ring (or of a scratch copy when the record wrapped around
     * the ring's end), position 0 and limit its length, valid only until this method returns.
     */
    void onSample(int cpu, ByteBuffer data);

    /** {@code count} samples were lost on {@code cpu} (a {@code PERF_RECORD_LOST} record). Ignored by default. */
    default void onLost(int cpu, long count) {
    }
}

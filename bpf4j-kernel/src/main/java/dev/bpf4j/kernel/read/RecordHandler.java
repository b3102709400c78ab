package dev.bpf4j.kernel.read;

import java.lang.foreign.MemorySegment;

/**
 * Receives one record of a ring buffer, in place: {@code record} is a read-only view of the mapped ring,
 * valid only until the handler returns, because the reader then hands the space back to the kernel.
 */
@FunctionalInterface
public interface RecordHandler {
    /** Handles one record (its bytes, without the ring's header). */
    void onRecord(MemorySegment record);
}

package dev.bpf4j.kernel.read;

import java.nio.ByteBuffer;

/**
 * Receives one record of a ring buffer, in place: {@code record} is a read-only, little-endian (native
 * order) view of the mapped ring holding exactly the record's bytes (position 0, limit = its length), valid
 * only until the handler returns, because the reader then hands the space back to the kernel.
 */
@FunctionalInterface
public interface RecordHandler {
    /** Handles one record (its bytes, without the ring's header). */
    void onRecord(ByteBuffer record);
}

package dev.bpf4j.kernel.read;

import java.nio.ByteBuffer;

/** Helpers for the in-place record views the readers hand to handlers. */
public final class Records {
    private Records() {
    }

    /**
     * Copies the remaining bytes of {@code record} (a whole record as handed to a handler) into a new
     * array, for callers that keep a record beyond the handler; the view's position is left unchanged.
     */
    public static byte[] copy(ByteBuffer record) {
        byte[] bytes = new byte[record.remaining()];
        record.get(record.position(), bytes);
        return bytes;
    }
}

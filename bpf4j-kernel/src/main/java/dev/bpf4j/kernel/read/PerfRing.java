package dev.bpf4j.kernel.read;

import dev.bpf4j.kernel.sys.Mapping;
import dev.bpf4j.kernel.sys.Native;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One CPU's perf event ring (Documentation/userspace-api/perf_ring_buffer.rst, include/uapi/linux/
 * perf_event.h): a metadata page ({@code struct perf_event_mmap_page}: {@code data_head} at 1024, written
 * by the kernel; {@code data_tail} at 1032, written by us) and 2^n data pages of records, each starting
 * with {@code struct perf_event_header} (u32 type, u16 misc, u16 size). A record may run past the end of
 * the data area and continue at its start; such a record is copied into a scratch buffer before it is
 * handed out.
 */
final class PerfRing implements AutoCloseable {
    /** {@code PERF_RECORD_LOST}: u64 id, u64 lost. */
    static final int RECORD_LOST = 2;
    /** {@code PERF_RECORD_SAMPLE}; with PERF_SAMPLE_RAW only: u32 size, then the raw bytes. */
    static final int RECORD_SAMPLE = 9;
    private static final int DATA_HEAD = 1024;
    private static final int DATA_TAIL = 1032;
    private static final int DATA_OFFSET = 1040;
    private static final int DATA_SIZE = 1048;
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    final int cpu;
    final int fd;
    private final Mapping mapping;
    private final ByteBuffer meta;
    private final ByteBuffer data;
    private final int size;
    private ByteBuffer scratch = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

    PerfRing(int cpu, int fd, Mapping mapping) {
        this.cpu = cpu;
        this.fd = fd;
        this.mapping = mapping;
        this.meta = mapping.buffer();
        int offset = Math.toIntExact(meta.getLong(DATA_OFFSET));
        this.size = Math.toIntExact(meta.getLong(DATA_SIZE));
        this.data = meta.slice(offset, size).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    /** Hands every record between our tail and the kernel's head to {@code handler}; returns samples handled. */
    int consume(PerfRecordHandler handler, PerfBufReader.Counts counts) {
        long head = (long) LONG.getAcquire(meta, DATA_HEAD);
        long tail = meta.getLong(DATA_TAIL);
        int samples = 0;
        while (tail < head) {
            int at = (int) (tail & (size - 1));
            // Headers are 8-byte aligned and the ring a multiple of 8 bytes, so a header never wraps.
            int type = data.getInt(at);
            int recordSize = Short.toUnsignedInt(data.getShort(at + 6));
            ByteBuffer record = at + recordSize <= size ? data : unwrap(at, recordSize);
            int base = record == data ? at : 0;
            if (type == RECORD_SAMPLE) {
                int rawSize = record.getInt(base + 8);
                handler.onSample(cpu, record.slice(base + 12, Math.min(rawSize, recordSize - 12))
                        .asReadOnlyBuffer().order(ByteOrder.nativeOrder()));
                samples++;
                counts.samples++;
            } else if (type == RECORD_LOST) {
                long lost = record.getLong(base + 16);
                counts.lost += lost;
                handler.onLost(cpu, lost);
            }
            tail += recordSize;
            LONG.setRelease(meta, DATA_TAIL, tail);
        }
        return samples;
    }

    /** Joins a record that runs past the ring's end into the scratch buffer. */
    private ByteBuffer unwrap(int at, int recordSize) {
        if (scratch.capacity() < recordSize) {
            scratch = ByteBuffer.allocate(Math.max(recordSize, scratch.capacity() * 2)).order(ByteOrder.nativeOrder());
        }
        int first = size - at;
        scratch.put(0, data, at, first);
        scratch.put(first, data, 0, recordSize - first);
        return scratch;
    }

    /** Bytes written and not yet consumed. */
    long pending() {
        return (long) LONG.getAcquire(meta, DATA_HEAD) - meta.getLong(DATA_TAIL);
    }

    @Override
    public void close() {
        mapping.close();
        Native.close(fd);
    }
}

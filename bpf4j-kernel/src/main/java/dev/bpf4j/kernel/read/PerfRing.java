package dev.bpf4j.kernel.read;

import dev.bpf4j.kernel.sys.Mapping;
import dev.bpf4j.kernel.sys.Native;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

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
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;

    final int cpu;
    final int fd;
    private final Mapping mapping;
    private final MemorySegment data;
    private final long size;
    private byte[] scratch = new byte[256];

    PerfRing(int cpu, int fd, Mapping mapping) {
        this.cpu = cpu;
        this.fd = fd;
        this.mapping = mapping;
        MemorySegment meta = mapping.segment();
        long offset = meta.get(ValueLayout.JAVA_LONG, DATA_OFFSET);
        this.size = meta.get(ValueLayout.JAVA_LONG, DATA_SIZE);
        this.data = meta.asSlice(offset, size);
    }

    /** Hands every record between our tail and the kernel's head to {@code handler}; returns samples handled. */
    int consume(PerfRecordHandler handler, PerfBufReader.Counts counts) {
        long head = mapping.getLongAcquire(DATA_HEAD);
        long tail = mapping.segment().get(ValueLayout.JAVA_LONG, DATA_TAIL);
        int samples = 0;
        while (tail < head) {
            long at = tail & (size - 1);
            // Headers are 8-byte aligned and the ring a multiple of 8 bytes, so a header never wraps.
            int type = data.get(U32, at);
            int recordSize = Short.toUnsignedInt(data.get(U16, at + 6));
            MemorySegment record = at + recordSize <= size ? data.asSlice(at, recordSize) : unwrap(at, recordSize);
            if (type == RECORD_SAMPLE) {
                int rawSize = record.get(U32, 8);
                handler.onSample(cpu, record.asSlice(12, Math.min(rawSize, recordSize - 12)));
                samples++;
                counts.samples++;
            } else if (type == RECORD_LOST) {
                long lost = record.get(U64, 16);
                counts.lost += lost;
                handler.onLost(cpu, lost);
            }
            tail += recordSize;
            mapping.setLongRelease(DATA_TAIL, tail);
        }
        return samples;
    }

    /** Joins a record that runs past the ring's end into the scratch buffer. */
    private MemorySegment unwrap(long at, int recordSize) {
        if (scratch.length < recordSize) {
            scratch = new byte[Math.max(recordSize, scratch.length * 2)];
        }
        int first = (int) (size - at);
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, at, scratch, 0, first);
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, scratch, first, recordSize - first);
        return MemorySegment.ofArray(scratch).asSlice(0, recordSize);
    }

    /** Bytes written and not yet consumed. */
    long pending() {
        return mapping.getLongAcquire(DATA_HEAD) - mapping.segment().get(ValueLayout.JAVA_LONG, DATA_TAIL);
    }

    @Override
    public void close() {
        mapping.close();
        Native.close(fd);
    }
}

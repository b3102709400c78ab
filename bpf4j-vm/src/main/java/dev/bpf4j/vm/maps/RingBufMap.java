package dev.bpf4j.vm.maps;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * {@code BPF_MAP_TYPE_RINGBUF}: {@code max_entries} bytes shared by variable-size records. Each record costs
 * its size plus an 8-byte header, rounded up to 8, as in the kernel. A producer reserves a record (null when
 * it does not fit: the helper returns NULL), fills it, then submits or discards it; the consumer
 * ({@link #poll()}) sees submitted records in reservation order and never past one still reserved, and
 * consuming frees the space.
 */
public final class RingBufMap implements VmMap {
    /** Header bytes the kernel puts before each record. */
    public static final int HEADER = 8;

    private final MapSpec spec;
    private final ArrayDeque<Entry> records = new ArrayDeque<>();
    private long used;

    private static final class Entry {
        final byte[] data;
        boolean submitted;
        boolean discarded;

        Entry(byte[] data) {
            this.data = data;
        }
    }

    RingBufMap(MapSpec spec) {
        this.spec = spec;
    }

    @Override
    public MapSpec spec() {
        return spec;
    }

    private static long cost(int size) {
        return (size + HEADER + 7L) & ~7L;
    }

    /** Reserves a zeroed record of {@code size} bytes, or returns null if it does not fit. */
    public byte[] reserve(int size) {
        if (size <= 0 || cost(size) > spec.maxEntries() - used) {
            return null;
        }
        used += cost(size);
        byte[] data = new byte[size];
        records.addLast(new Entry(data));
        return data;
    }

    /** Makes a reserved record visible to the consumer; false if {@code data} is not a reserved record. */
    public boolean submit(byte[] data) {
        Entry e = find(data);
        if (e == null) {
            return false;
        }
        e.submitted = true;
        return true;
    }

    /** Drops a reserved record; false if {@code data} is not a reserved record. */
    public boolean discard(byte[] data) {
        Entry e = find(data);
        if (e == null) {
            return false;
        }
        e.discarded = true;
        drainDiscarded();
        return true;
    }

    /** Reserves, copies and submits in one step ({@code bpf_ringbuf_output}); 0 or {@code -EAGAIN} when full. */
    public int output(byte[] data) {
        byte[] r = reserve(data.length);
        if (r == null) {
            return -Errno.EAGAIN;
        }
        System.arraycopy(data, 0, r, 0, data.length);
        submit(r);
        return 0;
    }

    /** The next submitted record, freeing its space, or null if none is ready (consumer side). */
    public byte[] poll() {
        drainDiscarded();
        Entry head = records.peekFirst();
        if (head == null || !head.submitted) {
            return null;
        }
        records.pollFirst();
        used -= cost(head.data.length);
        drainDiscarded();
        return head.data;
    }

    /** Bytes in use by reserved, submitted and not yet consumed records, headers included. */
    public long used() {
        return used;
    }

    private void drainDiscarded() {
        while (!records.isEmpty() && records.peekFirst().discarded) {
            used -= cost(records.pollFirst().data.length);
        }
    }

    private Entry find(byte[] data) {
        for (Iterator<Entry> it = records.descendingIterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.data == data && !e.submitted && !e.discarded) {
                return e;
            }
        }
        return null;
    }
}

package dev.bpf4j.kernel.read;

import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.sys.Epoll;
import dev.bpf4j.kernel.sys.Mapping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes a {@code BPF_MAP_TYPE_RINGBUF} map in place, the way the kernel lays it out
 * (Documentation/bpf/ringbuf.rst, kernel/bpf/ringbuf.c): a consumer page this process may write (holding
 * the consumer position), then, read-only, a producer page (the producer position) followed by the data
 * area mapped twice in a row, so that a record running past the end of the ring is still one contiguous
 * slice. Each record starts with an 8-byte header ({@code struct bpf_ringbuf_hdr}): a 32-bit length whose
 * top bit (BUSY) says the producer has not committed it yet and whose next bit (DISCARD) says it was
 * thrown away, and the record's page offset. Records are 8-byte aligned.
 *
 * <p>Reading costs no system call per record: positions are read with acquire and written with release
 * semantics, pairing with the kernel's; only an empty ring makes {@link #poll} sleep in epoll on the map.
 * One thread at a time may consume; it should also be the one to close the reader.
 */
public final class RingBufReader implements AutoCloseable {
    /** Header bit: the producer still owns the record. */
    static final int BUSY_BIT = 1 << 31;
    /** Header bit: the record was discarded; skip it. */
    static final int DISCARD_BIT = 1 << 30;
    /** {@code BPF_RINGBUF_HDR_SZ}. */
    static final int HEADER_SIZE = 8;

    /** Ring buffers whose doubled data area would not fit one ByteBuffer (2 GiB) are refused. */
    static final long MAX_SIZE = 1L << 30;

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final ByteBuffer consumerPage;
    private final ByteBuffer producerPage;
    private final ByteBuffer data;
    private final long mask;
    private final Epoll epoll;
    private final List<AutoCloseable> resources;
    private long consumed;
    private long discarded;

    /**
     * A reader over {@code consumerPage} (the consumer position at 0) and {@code producerArea} (the
     * producer position at 0, the data twice from {@code pageSize} on), owning {@code resources}.
     * {@code epoll} may be null when only {@link #consume} is used (as in unit tests on plain memory).
     */
    RingBufReader(ByteBuffer consumerPage, ByteBuffer producerArea, long size, int pageSize, Epoll epoll,
                  List<AutoCloseable> resources) {
        this.consumerPage = consumerPage;
        this.producerPage = producerArea;
        this.epoll = epoll;
        this.resources = List.copyOf(resources);
        this.mask = size - 1;
        this.data = producerArea.slice(pageSize, (int) (2 * size)).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    /**
     * Maps {@code map}'s ring and registers it with a new epoll instance. The map may be closed afterwards:
     * the mappings hold the ring.
     *
     * @throws IllegalArgumentException if {@code map} is not a ring buffer
     * @throws dev.bpf4j.kernel.SyscallException if mapping fails
     */
    public static RingBufReader open(BpfMap map) {
        if (map.type() != MapType.RINGBUF) {
            throw new IllegalArgumentException("map " + map.name() + " is a " + map.type() + ", not a RINGBUF");
        }
        long size = Integer.toUnsignedLong(map.info().maxEntries());
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("ring buffer " + map.name() + " has " + size
                    + " bytes; RingBufReader reads rings of at most 1 GiB (use a smaller max_entries)");
        }
        int page = Mapping.pageSize();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Mapping consumer = Mapping.map(map.fd(), page, Mapping.PROT_READ | Mapping.PROT_WRITE, 0);
            opened.add(consumer);
            Mapping producer = Mapping.map(map.fd(), page + 2 * size, Mapping.PROT_READ, page);
            opened.add(producer);
            Epoll epoll = Epoll.create(1);
            opened.add(epoll);
            epoll.add(map.fd(), 0);
            return new RingBufReader(consumer.buffer(), producer.buffer(), size, page, epoll, opened);
        } catch (RuntimeException e) {
            for (AutoCloseable c : opened.reversed()) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * Hands every committed record to {@code handler}, without waiting, and returns how many it handed
     * over. Stops at the first record still being written (BUSY); skips discarded ones.
     */
    public int consume(RecordHandler handler) {
        long cons = (long) LONG.getAcquire(consumerPage, 0);
        int n = 0;
        while (true) {
            long prod = (long) LONG.getAcquire(producerPage, 0);
            if (cons >= prod) {
                return n;
            }
            while (cons < prod) {
                int at = (int) (cons & mask);
                // The kernel commits a record by clearing BUSY with a release store; pair with an acquire load.
                int len = (int) INT.getAcquire(data, at);
                if ((len & BUSY_BIT) != 0) {
                    return n;
                }
                int length = len & ~(BUSY_BIT | DISCARD_BIT);
                if ((len & DISCARD_BIT) == 0) {
                    handler.onRecord(data.slice(at + HEADER_SIZE, length).order(ByteOrder.nativeOrder()));
                    consumed++;
                    n++;
                } else {
                    discarded++;
                }
                cons += (length + HEADER_SIZE + 7) & ~7L;
                LONG.setRelease(consumerPage, 0, cons);
            }
        }
    }

    /**
     * Consumes what is there; if nothing is, waits up to {@code timeoutMillis} (-1: no limit) for the
     * kernel to signal data and consumes that. Returns the number of records handled.
     */
    public int poll(RecordHandler handler, int timeoutMillis) {
        int n = consume(handler);
        if (n > 0 || epoll == null) {
            return n;
        }
        epoll.await(timeoutMillis);
        return consume(handler);
    }

    /** Copies the bytes of every committed record out, for callers that keep them. */
    public List<byte[]> consumeCopies() {
        List<byte[]> out = new ArrayList<>();
        consume(r -> out.add(Records.copy(r)));
        return out;
    }

    /** Bytes the producer has written that are not consumed yet (committed or not). */
    public long pending() {
        return (long) LONG.getAcquire(producerPage, 0) - (long) LONG.getAcquire(consumerPage, 0);
    }

    /** The ring's data size in bytes. */
    public long size() {
        return mask + 1;
    }

    /** Records handed to handlers so far. */
    public long consumedRecords() {
        return consumed;
    }

    /** Discarded records skipped so far. */
    public long discardedRecords() {
        return discarded;
    }

    /** Unmaps the ring and closes the epoll instance. */
    @Override
    public void close() {
        for (AutoCloseable c : resources.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the ring buffer reader", e);
            }
        }
    }
}

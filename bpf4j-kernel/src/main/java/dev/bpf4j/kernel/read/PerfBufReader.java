package dev.bpf4j.kernel.read;

import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.PossibleCpus;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.UpdateFlag;
import dev.bpf4j.kernel.sys.Epoll;
import dev.bpf4j.kernel.sys.Errno;
import dev.bpf4j.kernel.sys.Mapping;
import dev.bpf4j.kernel.sys.Native;
import dev.bpf4j.kernel.sys.PerfEvent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code BPF_MAP_TYPE_PERF_EVENT_ARRAY} (a "perf buffer"): for each CPU one software
 * {@code BPF_OUTPUT} perf event with its own mmapped ring, whose descriptor is stored in the map at that
 * CPU's index so that {@code bpf_perf_event_output(ctx, map, BPF_F_CURRENT_CPU, ...)} lands there. Samples
 * are read in place; samples the kernel had to drop because a ring was full arrive as lost counts
 * ({@link PerfRecordHandler#onLost}), and all of them are totalled ({@link #lostSamples()}). One epoll
 * instance watches every CPU's ring. One thread at a time may read; it should also close the reader.
 */
public final class PerfBufReader implements AutoCloseable {
    /** Running totals over all CPUs. */
    static final class Counts {
        long samples;
        long lost;
    }

    private final BpfMap map;
    private final List<PerfRing> rings;
    private final PerfRing[] byCpu;
    private final Epoll epoll;
    private final Counts counts = new Counts();

    private PerfBufReader(BpfMap map, List<PerfRing> rings, PerfRing[] byCpu, Epoll epoll) {
        this.map = map;
        this.rings = rings;
        this.byCpu = byCpu;
        this.epoll = epoll;
    }

    /**
     * Opens one ring of {@code pagesPerCpu} data pages (a power of two) for each CPU the map has room
     * for and that is online, and stores their descriptors in {@code map}. The reader holds its own
     * reference to the map, so the caller may close {@code map}; closing the reader removes the entries.
     *
     * @throws IllegalArgumentException if {@code map} is no perf event array or the page count no power of two
     * @throws SyscallException         if perf_event_open, mmap or the map update fails
     */
    public static PerfBufReader open(BpfMap map, int pagesPerCpu) {
        if (map.type() != MapType.PERF_EVENT_ARRAY) {
            throw new IllegalArgumentException("map " + map.name() + " is a " + map.type() + ", not a PERF_EVENT_ARRAY");
        }
        if (pagesPerCpu < 1 || Integer.bitCount(pagesPerCpu) != 1) {
            throw new IllegalArgumentException("pages per CPU must be a power of two, not " + pagesPerCpu);
        }
        int cpus = Math.min(PossibleCpus.count(), map.info().maxEntries());
        int page = Mapping.pageSize();
        BpfMap own = BpfMap.fromId(map.info().id());
        List<PerfRing> rings = new ArrayList<>();
        PerfRing[] byCpu = new PerfRing[cpus];
        Epoll epoll = null;
        try {
            epoll = Epoll.create(cpus);
            byte[] attr = PerfEvent.bpfOutputAttr();
            for (int cpu = 0; cpu < cpus; cpu++) {
                int fd;
                try {
                    fd = PerfEvent.open(attr, -1, cpu, -1, PerfEvent.FLAG_FD_CLOEXEC);
                } catch (SyscallException e) {
                    if (e.errno() == Errno.ENODEV) {
                        continue; // An offline CPU: nothing will run there.
                    }
                    throw e;
                }
                Mapping mapping;
                try {
                    mapping = Mapping.map(fd, (long) (1 + pagesPerCpu) * page,
                            Mapping.PROT_READ | Mapping.PROT_WRITE, 0);
                } catch (RuntimeException e) {
                    Native.close(fd);
                    throw e;
                }
                PerfRing ring = new PerfRing(cpu, fd, mapping);
                rings.add(ring);
                byCpu[cpu] = ring;
                epoll.add(fd, cpu);
                own.update(key(cpu), key(fd), UpdateFlag.ANY);
            }
            return new PerfBufReader(own, rings, byCpu, epoll);
        } catch (RuntimeException e) {
            release(own, rings, epoll);
            throw e;
        }
    }

    private static byte[] key(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    /** Reads every CPU's ring without waiting; returns the number of samples handled. */
    public int consume(PerfRecordHandler handler) {
        int n = 0;
        for (PerfRing ring : rings) {
            n += ring.consume(handler, counts);
        }
        return n;
    }

    /**
     * Reads what is there; if nothing is, waits up to {@code timeoutMillis} (-1: no limit) for a ring to
     * become readable and reads the ready ones. Returns the number of samples handled.
     */
    public int poll(PerfRecordHandler handler, int timeoutMillis) {
        int n = consume(handler);
        if (n > 0) {
            return n;
        }
        int ready = epoll.await(timeoutMillis);
        for (int i = 0; i < ready; i++) {
            n += byCpu[(int) epoll.cookie(i)].consume(handler, counts);
        }
        return n;
    }

    /** The CPUs that have a ring (the online ones the map has room for). */
    public List<Integer> cpus() {
        return rings.stream().map(r -> r.cpu).toList();
    }

    /** Bytes written to all rings and not yet read. */
    public long pending() {
        long n = 0;
        for (PerfRing r : rings) {
            n += r.pending();
        }
        return n;
    }

    /** Samples handed out so far. */
    public long samples() {
        return counts.samples;
    }

    /** Samples the kernel reported lost so far. */
    public long lostSamples() {
        return counts.lost;
    }

    /** Removes the map's entries, unmaps the rings, closes the events, the epoll instance and the map. */
    @Override
    public void close() {
        release(map, rings, epoll);
    }

    private static void release(BpfMap map, List<PerfRing> rings, Epoll epoll) {
        for (PerfRing ring : rings) {
            map.delete(key(ring.cpu));
            ring.close();
        }
        if (epoll != null) {
            epoll.close();
        }
        map.close();
    }
}

package dev.bpf4j.kernel.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A shared memory mapping of a kernel object (a ring buffer map, a perf event's ring), unmapped exactly
 * once by {@link #close()}. The segment belongs to a shared arena, so any thread may read it and, once
 * closed, every access fails cleanly instead of touching unmapped memory. Readers use acquire and
 * release accesses on its buffer, the orderings the kernel's producers and consumers pair with
 * ({@code smp_load_acquire}/{@code smp_store_release} in kernel/bpf/ringbuf.c and kernel/events/ring_buffer.c).
 */
public final class Mapping implements AutoCloseable {
    /** {@code PROT_READ}. */
    public static final int PROT_READ = 1;
    /** {@code PROT_WRITE}. */
    public static final int PROT_WRITE = 2;
    /** {@code MAP_SHARED}. */
    public static final int MAP_SHARED = 1;

    private final Arena arena;
    private final MemorySegment segment;
    private boolean closed;

    private Mapping(Arena arena, MemorySegment segment) {
        this.arena = arena;
        this.segment = segment;
    }

    /**
     * Maps {@code length} bytes of {@code fd} at {@code offset} with {@code prot}, shared.
     *
     * @throws dev.bpf4j.kernel.SyscallException named {@code mmap} on failure
     */
    public static Mapping map(int fd, long length, int prot, long offset) {
        Arena arena = Arena.ofShared();
        try {
            return new Mapping(arena, Native.mmap(arena, length, prot, MAP_SHARED, fd, offset));
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The mapped bytes; valid until {@link #close()}. */
    public MemorySegment segment() {
        return segment;
    }

    /**
     * The mapped bytes as a direct buffer in native byte order, for code outside this package (which may not
     * use {@code java.lang.foreign}). The buffer stays tied to this mapping's arena: once the mapping is
     * closed, any access through it throws instead of touching unmapped memory.
     *
     * @throws UnsupportedOperationException if the mapping is 2 GiB or larger (a buffer's limit)
     */
    public ByteBuffer buffer() {
        if (segment.byteSize() > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException(
                    "a mapping of " + segment.byteSize() + " bytes is too large for a ByteBuffer view (limit 2 GiB)");
        }
        return segment.asByteBuffer().order(ByteOrder.nativeOrder());
    }




    /** The system's page size, the unit every mapping of a ring is counted in. */
    public static int pageSize() {
        return Native.pageSize();
    }

    /**
     * Closes the arena first, so that any access from now on (in any thread) fails with an exception, and
     * only then unmaps the memory (once): a reader racing with the close gets an exception, never a fault.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long address = segment.address();
        long length = segment.byteSize();
        arena.close();
        Native.munmap(address, length);
    }
}

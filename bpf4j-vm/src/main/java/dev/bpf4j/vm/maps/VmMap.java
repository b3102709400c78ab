package dev.bpf4j.vm.maps;

/**
 * A live userspace map. The operations are those of the map helpers, with the kernel's results: a lookup
 * gives the live value array (writes through it change the map, as a pointer into a kernel map does) or
 * null; the others give 0 or a negative errno. An operation a type does not have returns {@code -EINVAL}
 * (the kernel's verifier would have refused the program). Not thread-safe: the VM is single-threaded.
 */
public sealed interface VmMap
        permits ArrayMap, PerCpuArrayMap, HashTableMap, PerCpuHashMap, DequeMap,
        RingBufMap, ProgArrayMap {
    /** Update flag: create or replace. */
    long BPF_ANY = 0;
    /** Update flag: create only ({@code -EEXIST} if present). */
    long BPF_NOEXIST = 1;
    /** Update flag: replace only ({@code -ENOENT} if absent); for queue/stack push: evict the oldest if full. */
    long BPF_EXIST = 2;
    /** Update flag: take the value's spin lock; accepted and ignored (one thread). */
    long BPF_F_LOCK = 4;

    /** What this map is. */
    MapSpec spec();

    /** The live value for {@code key} as seen from {@code cpu}, or null if there is none. */
    default byte[] lookup(byte[] key, int cpu) {
        return null;
    }

    /** Creates or replaces {@code key}'s value per {@code flags}; 0 or a negative errno. */
    default int update(byte[] key, byte[] value, long flags, int cpu) {
        return -Errno.EINVAL;
    }

    /** Removes {@code key}; 0 or a negative errno. */
    default int delete(byte[] key) {
        return -Errno.EINVAL;
    }

    /** Queue/stack push; 0 or a negative errno. */
    default int push(byte[] value, long flags) {
        return -Errno.EINVAL;
    }

    /** Queue/stack pop: the value removed, or null if empty. */
    default byte[] pop() {
        return null;
    }

    /** Queue/stack peek: the value that {@link #pop} would remove, or null if empty. */
    default byte[] peek() {
        return null;
    }

    /** Creates an empty map of {@code spec}'s type; per-CPU types get {@code cpus} values per key. */
    static VmMap create(MapSpec spec, int cpus) {
        return switch (spec.type()) {
            case ARRAY -> new ArrayMap(spec);
            case PERCPU_ARRAY -> new PerCpuArrayMap(spec, cpus);
            case HASH -> new HashTableMap(spec, false);
            case PERCPU_HASH -> new PerCpuHashMap(spec, cpus);
            case LRU_HASH -> new HashTableMap(spec, true);
            case QUEUE -> new DequeMap(spec, false);
            case STACK -> new DequeMap(spec, true);
            case RINGBUF -> new RingBufMap(spec);
            case PROG_ARRAY -> new ProgArrayMap(spec);
        };
    }

    /** The value checks shared by updates: right size, known flags; 0 or a negative errno. */
    static int checkUpdate(MapSpec spec, byte[] key, byte[] value, long flags) {
        if (key.length != spec.keySize() || value.length != spec.valueSize()) {
            return -Errno.EINVAL;
        }
        long mode = flags & ~BPF_F_LOCK;
        return mode < 0 || mode > BPF_EXIST ? -Errno.EINVAL : 0;
    }

    /** The array index a 4-byte little-endian key names. */
    static long index(byte[] key) {
        if (key.length != 4) {
            return -1;
        }
        return (key[0] & 0xffL) | (key[1] & 0xffL) << 8 | (key[2] & 0xffL) << 16 | (key[3] & 0xffL) << 24;
    }
}

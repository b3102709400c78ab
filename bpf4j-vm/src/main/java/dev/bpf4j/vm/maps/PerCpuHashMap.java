package dev.bpf4j.vm.maps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code BPF_MAP_TYPE_PERCPU_HASH}: a {@link HashTableMap} whose entries hold one value per simulated CPU.
 * Creating a key from a program zeroes the other CPUs' values, as the kernel does; flags and errors are the
 * hash map's.
 */
public final class PerCpuHashMap implements VmMap {
    private final MapSpec spec;
    private final int cpus;
    private final Map<Key, byte[][]> entries = new LinkedHashMap<>();

    PerCpuHashMap(MapSpec spec, int cpus) {
        if (cpus <= 0) {
            throw new IllegalArgumentException("CPU count must be positive");
        }
        this.spec = spec;
        this.cpus = cpus;
    }

    @Override
    public MapSpec spec() {
        return spec;
    }

    @Override
    public byte[] lookup(byte[] key, int cpu) {
        byte[][] v = entries.get(new Key(key));
        return v != null && cpu >= 0 && cpu < cpus ? v[cpu] : null;
    }

    /** Every CPU's live value for {@code key} (Java side), or null if absent. */
    public byte[][] getAll(byte[] key) {
        byte[][] v = entries.get(new Key(key));
        return v == null ? null : v.clone();
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        int err = VmMap.checkUpdate(spec, key, value, flags);
        if (err != 0) {
            return err;
        }
        if (cpu < 0 || cpu >= cpus) {
            return -Errno.EINVAL;
        }
        long mode = flags & ~BPF_F_LOCK;
        byte[][] old = entries.get(new Key(key));
        if (old != null) {
            if (mode == BPF_NOEXIST) {
                return -Errno.EEXIST;
            }
            System.arraycopy(value, 0, old[cpu], 0, value.length);
            return 0;
        }
        if (mode == BPF_EXIST) {
            return -Errno.ENOENT;
        }
        if (entries.size() >= spec.maxEntries()) {
            return -Errno.E2BIG;
        }
        byte[][] fresh = new byte[cpus][spec.valueSize()];
        System.arraycopy(value, 0, fresh[cpu], 0, value.length);
        entries.put(Key.of(key), fresh);
        return 0;
    }

    @Override
    public int delete(byte[] key) {
        return entries.remove(new Key(key)) != null ? 0 : -Errno.ENOENT;
    }

    /** The number of keys. */
    public int size() {
        return entries.size();
    }
}

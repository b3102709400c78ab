package dev.bpf4j.vm.maps;

/**
 * {@code BPF_MAP_TYPE_PERCPU_ARRAY}: an {@link ArrayMap} with one value per simulated CPU. A program sees
 * and updates its own CPU's value; Java code can read or set all of them, as the bpf() syscall does.
 */
public final class PerCpuArrayMap implements VmMap {
    private final MapSpec spec;
    private final byte[][][] values;

    PerCpuArrayMap(MapSpec spec, int cpus) {
        if (cpus <= 0) {
            throw new IllegalArgumentException("CPU count must be positive");
        }
        this.spec = spec;
        this.values = new byte[cpus][spec.maxEntries()][spec.valueSize()];
    }

    @Override
    public MapSpec spec() {
        return spec;
    }

    /** The number of simulated CPUs. */
    public int cpus() {
        return values.length;
    }

    @Override
    public byte[] lookup(byte[] key, int cpu) {
        long i = VmMap.index(key);
        return i >= 0 && i < spec.maxEntries() && cpu >= 0 && cpu < values.length ? values[cpu][(int) i] : null;
    }

    /** Every CPU's live value at {@code index} (Java side), or null if out of range. */
    public byte[][] getAll(int index) {
        if (index < 0 || index >= spec.maxEntries()) {
            return null;
        }
        byte[][] out = new byte[values.length][];
        for (int c = 0; c < values.length; c++) {
            out[c] = values[c][index];
        }
        return out;
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        int err = VmMap.checkUpdate(spec, key, value, flags);
        if (err != 0) {
            return err;
        }
        long i = VmMap.index(key);
        if (i >= spec.maxEntries()) {
            return -Errno.E2BIG;
        }
        if ((flags & ~BPF_F_LOCK) == BPF_NOEXIST) {
            return -Errno.EEXIST;
        }
        if (cpu < 0 || cpu >= values.length) {
            return -Errno.EINVAL;
        }
        System.arraycopy(value, 0, values[cpu][(int) i], 0, value.length);
        return 0;
    }
}

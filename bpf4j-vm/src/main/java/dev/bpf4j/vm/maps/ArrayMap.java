package dev.bpf4j.vm.maps;

/**
 * {@code BPF_MAP_TYPE_ARRAY}: {@code max_entries} values, all present from creation and zeroed; the key
 * is a 4-byte index. Updates with {@code BPF_NOEXIST} fail with {@code -EEXIST} (every element exists),
 * indices past the end with {@code -E2BIG}, and deletion with {@code -EINVAL}, as in the kernel.
 */
public final class ArrayMap implements VmMap {
    private final MapSpec spec;
    private final byte[][] values;

    ArrayMap(MapSpec spec) {
        this.spec = spec;
        this.values = new byte[spec.maxEntries()][spec.valueSize()];
    }

    @Override
    public MapSpec spec() {
        return spec;
    }

    @Override
    public byte[] lookup(byte[] key, int cpu) {
        long i = VmMap.index(key);
        return i >= 0 && i < values.length ? values[(int) i] : null;
    }

    /** The live value at {@code index} (Java side), or null if out of range. */
    public byte[] get(int index) {
        return index >= 0 && index < values.length ? values[index] : null;
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        int err = VmMap.checkUpdate(spec, key, value, flags);
        if (err != 0) {
            return err;
        }
        long i = VmMap.index(key);
        if (i >= values.length) {
            return -Errno.E2BIG;
        }
        if ((flags & ~BPF_F_LOCK) == BPF_NOEXIST) {
            return -Errno.EEXIST;
        }
        System.arraycopy(value, 0, values[(int) i], 0, value.length);
        return 0;
    }
}

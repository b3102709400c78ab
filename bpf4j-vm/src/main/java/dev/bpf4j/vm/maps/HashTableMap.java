package dev.bpf4j.vm.maps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code BPF_MAP_TYPE_HASH}: at most {@code max_entries} keys. A new key in a full map fails with
 * {@code -E2BIG}; {@code BPF_NOEXIST} on a present key with {@code -EEXIST}; {@code BPF_EXIST} on an
 * absent key with {@code -ENOENT}; deleting an absent key with {@code -ENOENT}. Replacing a value writes
 * into the existing array, so pointers a program got from a lookup see the new value.
 */
public final class HashTableMap implements VmMap {
    private final MapSpec spec;
    private final Map<Key, byte[]> entries = new LinkedHashMap<>();

    HashTableMap(MapSpec spec) {
        this.spec = spec;
    }

    @Override
    public MapSpec spec() {
        return spec;
    }

    @Override
    public byte[] lookup(byte[] key, int cpu) {
        return entries.get(new Key(key));
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        int err = VmMap.checkUpdate(spec, key, value, flags);
        if (err != 0) {
            return err;
        }
        long mode = flags & ~BPF_F_LOCK;
        byte[] old = entries.get(new Key(key));
        if (old != null) {
            if (mode == BPF_NOEXIST) {
                return -Errno.EEXIST;
            }
            System.arraycopy(value, 0, old, 0, value.length);
            return 0;
        }
        if (mode == BPF_EXIST) {
            return -Errno.ENOENT;
        }
        if (entries.size() >= spec.maxEntries()) {
            return -Errno.E2BIG;
        }
        entries.put(Key.of(key), value.clone());
        return 0;
    }

    @Override
    public int delete(byte[] key) {
        return entries.remove(new Key(key)) != null ? 0 : -Errno.ENOENT;
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /** A snapshot of the keys, in insertion order (Java side, like iterating with get_next_key). */
    public java.util.List<byte[]> keys() {
        return entries.keySet().stream().map(k -> k.bytes().clone()).toList();
    }
}

package dev.bpf4j.vm.maps;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code BPF_MAP_TYPE_HASH} and {@code BPF_MAP_TYPE_LRU_HASH}: at most {@code max_entries} keys.
 * {@code BPF_NOEXIST} on a present key fails with {@code -EEXIST}; {@code BPF_EXIST} on an absent key with
 * {@code -ENOENT}; deleting an absent key with {@code -ENOENT}. A new key in a full map fails with
 * {@code -E2BIG}, except in the LRU variant, which makes room by evicting the least recently used key
 * (lookups and updates count as uses). Replacing a value writes into the existing array, so pointers a
 * program got from a lookup see the new value.
 */
public final class HashTableMap implements VmMap {
    private final MapSpec spec;
    private final boolean leastRecentlyUsed;
    private final LinkedHashMap<Key, byte[]> entries;

    HashTableMap(MapSpec spec, boolean leastRecentlyUsed) {
        this.spec = spec;
        this.leastRecentlyUsed = leastRecentlyUsed;
        // Access order makes the iteration order the eviction order of the LRU variant.
        this.entries = new LinkedHashMap<>(16, 0.75f, leastRecentlyUsed);
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
            if (!leastRecentlyUsed) {
                return -Errno.E2BIG;
            }
            Iterator<Map.Entry<Key, byte[]>> eldest = entries.entrySet().iterator();
            eldest.next();
            eldest.remove();
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

    /** Whether {@code key} is present, without counting as a use (Java side). */
    public boolean contains(byte[] key) {
        return entries.containsKey(new Key(key));
    }

    /** A snapshot of the keys, in insertion order (Java side, like iterating with get_next_key). */
    public java.util.List<byte[]> keys() {
        return entries.keySet().stream().map(k -> k.bytes().clone()).toList();
    }
}

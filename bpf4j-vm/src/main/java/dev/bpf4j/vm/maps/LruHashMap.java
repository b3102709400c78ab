package dev.bpf4j.vm.maps;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code BPF_MAP_TYPE_LRU_HASH}: a hash map that, when full, makes room for a new key by evicting the least
 * recently used one instead of failing. Lookups and updates count as uses. Flags behave as in
 * {@link HashTableMap} ({@code -EEXIST}, {@code -ENOENT}); {@code -E2BIG} never happens.
 */
public final class LruHashMap implements VmMap {
    private final MapSpec spec;
    private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);

    LruHashMap(MapSpec spec) {
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

    /** Whether {@code key} is present, without counting as a use (Java side). */
    public boolean contains(byte[] key) {
        return entries.containsKey(new Key(key));
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }
}

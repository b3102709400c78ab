package dev.bpf4j.vm.maps;

import java.util.Objects;

/**
 * What a map is, independent of any live instance: the fields of the kernel's {@code BPF_MAP_CREATE}
 * that the VM uses. Checked as the kernel checks them at creation: sizes positive where the type needs
 * them, zero keys for queue/stack/ring buffer, 4-byte keys for arrays, a power-of-two byte size for a
 * ring buffer.
 *
 * @param name       for messages
 * @param type       the map type
 * @param keySize    bytes per key
 * @param valueSize  bytes per value
 * @param maxEntries capacity (bytes for a ring buffer)
 * @param flags      {@code map_flags}; kept, not interpreted
 */
public record MapSpec(String name, MapType type, int keySize, int valueSize, int maxEntries, int flags) {
    /** Validates as described above. */
    public MapSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("map " + name + ": max_entries must be positive");
        }
        switch (type) {
            case ARRAY, PERCPU_ARRAY, PROG_ARRAY -> {
                require(keySize == 4, name, "an array's key is 4 bytes");
                require(valueSize > 0, name, "value size must be positive");
                require(type != MapType.PROG_ARRAY || valueSize == 4, name, "a program array's value is 4 bytes");
            }
            case HASH, PERCPU_HASH, LRU_HASH -> require(keySize > 0 && valueSize > 0, name,
                    "key and value sizes must be positive");
            case QUEUE, STACK -> require(keySize == 0 && valueSize > 0, name,
                    "a queue or stack has no key and a positive value size");
            case RINGBUF -> require(keySize == 0 && valueSize == 0 && Integer.bitCount(maxEntries) == 1, name,
                    "a ring buffer has no key or value and a power-of-two size");
        }
    }

    /** A spec with no flags. */
    public static MapSpec of(String name, MapType type, int keySize, int valueSize, int maxEntries) {
        return new MapSpec(name, type, keySize, valueSize, maxEntries, 0);
    }

    private static void require(boolean ok, String name, String what) {
        if (!ok) {
            throw new IllegalArgumentException("map " + name + ": " + what);
        }
    }
}

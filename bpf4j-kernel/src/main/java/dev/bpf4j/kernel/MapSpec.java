package dev.bpf4j.kernel;

import java.util.Objects;

/**
 * The immutable blueprint of a map: everything BPF_MAP_CREATE needs, and nothing that needs a kernel.
 * {@link BpfMap#create(MapSpec)} turns it into a live map.
 *
 * @param name       the map's name (the kernel keeps at most 15 characters of {@code [A-Za-z0-9_.]})
 * @param type       the map type
 * @param keySize    key size in bytes (0 for queues, stacks and ring buffers)
 * @param valueSize  value size in bytes; for per-CPU maps the size of one CPU's value
 * @param maxEntries capacity (for ring buffers: the data size, a power-of-2 multiple of the page size)
 * @param flags      {@code BPF_F_*} map flags, see the constants
 * @param innerMap   for {@link MapType#ARRAY_OF_MAPS} and {@link MapType#HASH_OF_MAPS}: the shape every
 *                   inner map must have; null otherwise
 */
public record MapSpec(String name, MapType type, int keySize, int valueSize, int maxEntries, int flags,
                      MapSpec innerMap) {
    /** {@code BPF_F_NO_PREALLOC}: allocate elements on demand; required by LPM tries. */
    public static final int F_NO_PREALLOC = 1;
    /** {@code BPF_F_NO_COMMON_LRU}: one LRU list per CPU. */
    public static final int F_NO_COMMON_LRU = 1 << 1;
    /** {@code BPF_F_RDONLY}: the map is read-only through the syscall interface. */
    public static final int F_RDONLY = 1 << 3;
    /** {@code BPF_F_WRONLY}: the map is write-only through the syscall interface. */
    public static final int F_WRONLY = 1 << 4;
    /** {@code BPF_F_RDONLY_PROG}: programs may only read the map. */
    public static final int F_RDONLY_PROG = 1 << 7;
    /** {@code BPF_F_MMAPABLE}: an array that can be mmapped. */
    public static final int F_MMAPABLE = 1 << 10;

    /** Checks the shape is sane before any kernel sees it. */
    public MapSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (keySize < 0 || valueSize < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("map " + name + ": sizes and max entries must not be negative");
        }
        boolean mapInMap = type == MapType.ARRAY_OF_MAPS || type == MapType.HASH_OF_MAPS;
        if (mapInMap && innerMap == null) {
            throw new IllegalArgumentException("map " + name + ": a " + type + " needs an inner map spec");
        }
        if (!mapInMap && innerMap != null) {
            throw new IllegalArgumentException("map " + name + ": only map-in-map types take an inner map spec");
        }
    }

    /** A map of {@code type} without flags or inner map. */
    public static MapSpec of(String name, MapType type, int keySize, int valueSize, int maxEntries) {
        return new MapSpec(name, type, keySize, valueSize, maxEntries, 0, null);
    }

    /** A map-in-map of {@code type} (array or hash of maps) whose values are maps shaped like {@code inner}. */
    public static MapSpec ofMaps(String name, MapType type, int keySize, int maxEntries, MapSpec inner) {
        return new MapSpec(name, type, keySize, 4, maxEntries, 0, inner);
    }

    /** This spec with {@code flags} replacing the current flags. */
    public MapSpec withFlags(int flags) {
        return new MapSpec(name, type, keySize, valueSize, maxEntries, flags, innerMap);
    }

    /**
     * The flags BPF_MAP_CREATE receives: the spec's, plus {@link #F_NO_PREALLOC} for LPM tries, which the
     * kernel refuses to create preallocated.
     */
    public int effectiveFlags() {
        return type == MapType.LPM_TRIE ? flags | F_NO_PREALLOC : flags;
    }
}

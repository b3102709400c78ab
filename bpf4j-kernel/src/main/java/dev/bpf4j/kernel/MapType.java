package dev.bpf4j.kernel;

/**
 * The kernel's map types ({@code enum bpf_map_type}), with the values of the running Linux 6.18 kernel's
 * BTF. A closed set the kernel defines; which of them a given kernel can create is for the kernel to say.
 */
public enum MapType {
    /** BPF_MAP_TYPE_HASH. */
    HASH(1),
    /** BPF_MAP_TYPE_ARRAY. */
    ARRAY(2),
    /** BPF_MAP_TYPE_PROG_ARRAY. */
    PROG_ARRAY(3),
    /** BPF_MAP_TYPE_PERF_EVENT_ARRAY. */
    PERF_EVENT_ARRAY(4),
    /** BPF_MAP_TYPE_PERCPU_HASH. */
    PERCPU_HASH(5),
    /** BPF_MAP_TYPE_PERCPU_ARRAY. */
    PERCPU_ARRAY(6),
    /** BPF_MAP_TYPE_STACK_TRACE. */
    STACK_TRACE(7),
    /** BPF_MAP_TYPE_CGROUP_ARRAY. */
    CGROUP_ARRAY(8),
    /** BPF_MAP_TYPE_LRU_HASH. */
    LRU_HASH(9),
    /** BPF_MAP_TYPE_LRU_PERCPU_HASH. */
    LRU_PERCPU_HASH(10),
    /** BPF_MAP_TYPE_LPM_TRIE. */
    LPM_TRIE(11),
    /** BPF_MAP_TYPE_ARRAY_OF_MAPS. */
    ARRAY_OF_MAPS(12),
    /** BPF_MAP_TYPE_HASH_OF_MAPS. */
    HASH_OF_MAPS(13),
    /** BPF_MAP_TYPE_DEVMAP. */
    DEVMAP(14),
    /** BPF_MAP_TYPE_SOCKMAP. */
    SOCKMAP(15),
    /** BPF_MAP_TYPE_CPUMAP. */
    CPUMAP(16),
    /** BPF_MAP_TYPE_XSKMAP. */
    XSKMAP(17),
    /** BPF_MAP_TYPE_SOCKHASH. */
    SOCKHASH(18),
    /** BPF_MAP_TYPE_CGROUP_STORAGE. */
    CGROUP_STORAGE(19),
    /** BPF_MAP_TYPE_REUSEPORT_SOCKARRAY. */
    REUSEPORT_SOCKARRAY(20),
    /** BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE. */
    PERCPU_CGROUP_STORAGE(21),
    /** BPF_MAP_TYPE_QUEUE. */
    QUEUE(22),
    /** BPF_MAP_TYPE_STACK. */
    STACK(23),
    /** BPF_MAP_TYPE_SK_STORAGE. */
    SK_STORAGE(24),
    /** BPF_MAP_TYPE_DEVMAP_HASH. */
    DEVMAP_HASH(25),
    /** BPF_MAP_TYPE_STRUCT_OPS. */
    STRUCT_OPS(26),
    /** BPF_MAP_TYPE_RINGBUF. */
    RINGBUF(27),
    /** BPF_MAP_TYPE_INODE_STORAGE. */
    INODE_STORAGE(28),
    /** BPF_MAP_TYPE_TASK_STORAGE. */
    TASK_STORAGE(29),
    /** BPF_MAP_TYPE_BLOOM_FILTER. */
    BLOOM_FILTER(30),
    /** BPF_MAP_TYPE_USER_RINGBUF. */
    USER_RINGBUF(31),
    /** BPF_MAP_TYPE_CGRP_STORAGE. */
    CGRP_STORAGE(32),
    /** BPF_MAP_TYPE_ARENA. */
    ARENA(33);

    private final int value;

    MapType(int value) {
        this.value = value;
    }

    /** The kernel's number for this type. */
    public int value() {
        return value;
    }

    /** Whether each element holds one value per possible CPU (and lookups return them all). */
    public boolean isPerCpu() {
        return switch (this) {
            case PERCPU_HASH, PERCPU_ARRAY, LRU_PERCPU_HASH, PERCPU_CGROUP_STORAGE -> true;
            default -> false;
        };
    }

    /** Whether the map has no keys and is used by push, pop and peek (queue and stack). */
    public boolean isKeyless() {
        return this == QUEUE || this == STACK;
    }

    /** Whether values are file descriptors on update (and ids on lookup): program, map, perf and cgroup arrays. */
    public boolean holdsFds() {
        return switch (this) {
            case PROG_ARRAY, PERF_EVENT_ARRAY, CGROUP_ARRAY, ARRAY_OF_MAPS, HASH_OF_MAPS -> true;
            default -> false;
        };
    }

    /** The type with kernel number {@code value}, or null if this version of bpf4j does not know it. */
    public static MapType of(int value) {
        for (MapType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        return null;
    }
}

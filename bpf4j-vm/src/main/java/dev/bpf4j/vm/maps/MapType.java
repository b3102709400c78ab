package dev.bpf4j.vm.maps;

/** The map types the VM implements, with the kernel's {@code enum bpf_map_type} numbers. */
public enum MapType {
    HASH(1),
    ARRAY(2),
    PROG_ARRAY(3),
    PERCPU_HASH(5),
    PERCPU_ARRAY(6),
    LRU_HASH(9),
    QUEUE(22),
    STACK(23),
    RINGBUF(27);

    private final int kernelId;

    MapType(int kernelId) {
        this.kernelId = kernelId;
    }

    /** The kernel's {@code BPF_MAP_TYPE_*} value. */
    public int kernelId() {
        return kernelId;
    }
}

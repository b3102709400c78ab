package dev.bpf4j.vm;

/**
 * A program touched memory it may not: an address in no region (a null pointer, an integer used as a
 * pointer, a map handle), past the end or before the start of its region, or in a region that was
 * released (a submitted ring buffer record). The VM refuses the access before any byte changes, so a
 * fault never corrupts memory.
 */
public final class MemoryFaultException extends VmException {
    private static final long serialVersionUID = 1L;
    private final long address;
    private final String region;

    /**
     * A fault at slot {@code pc} accessing {@code size} bytes at {@code address}.
     *
     * @param region the name of the region the address points into, or a description of why it is none
     */
    public MemoryFaultException(int pc, long address, int size, boolean write, String region) {
        super(pc, String.format("%s of %d bytes at 0x%x is out of bounds (%s)", write ? "write" : "read", size,
                address, region));
        this.address = address;
        this.region = region;
    }

    /** The faulting virtual address. */
    public long address() {
        return address;
    }

    /** The region the address points into, or why it points into none. */
    public String region() {
        return region;
    }
}

package dev.bpf4j.vm.jit;

/**
 * Unwinds a run whose legacy packet load (RFC 9669 section 5.5) fell outside the packet: as in the kernel
 * the whole program then ends with r0 = 0, from whatever call depth. Internal; {@link JitProgram#run}
 * catches it. No stack trace: it is control flow, not an error.
 */
final class PacketAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Slot of the packet load, to count executed instructions. */
    final int slot;

    PacketAbort(int slot) {
        super("packet load out of bounds", null, false, false);
        this.slot = slot;
    }
}

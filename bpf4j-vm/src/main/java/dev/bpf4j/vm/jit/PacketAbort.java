package dev.bpf4j.vm.jit;

import dev.bpf4j.vm.VmException;

/**
 * Unwinds a run whose legacy packet load (RFC 9669 section 5.5) fell outside the packet: as in the kernel
 * the whole program then ends with r0 = 0, from whatever call depth. Internal; {@link JitProgram#run}
 * catches it and returns 0, so users never see it. A {@link VmException} only so that the one exception
 * handler of generated code (which counts instructions) sees it too.
 */
final class PacketAbort extends VmException {
    private static final long serialVersionUID = 1L;

    PacketAbort(int slot) {
        super(slot, "packet load out of bounds: the program ends with r0 = 0");
    }
}

package dev.bpf4j.vm;

import dev.bpf4j.BpfException;

/**
 * A program stopped by the VM: an out-of-bounds or unmapped memory access, an unknown helper, a call stack
 * too deep, a run over its instruction budget. The message names the instruction index and, for memory
 * faults, the address; the VM and the JVM are left intact.
 */
public class VmException extends BpfException {
    private static final long serialVersionUID = 1L;
    private final int pc;

    /** A fault at instruction slot {@code pc}; the message gets the prefix {@code "instruction N: "}. */
    public VmException(int pc, String reason) {
        super("instruction " + pc + ": " + reason);
        this.pc = pc;
    }

    /** The slot index of the faulting instruction. */
    public int pc() {
        return pc;
    }
}

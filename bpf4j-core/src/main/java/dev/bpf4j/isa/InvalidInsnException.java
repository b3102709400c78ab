package dev.bpf4j.isa;

import dev.bpf4j.BpfException;

/**
 * An instruction that RFC 9669 does not allow: an unknown opcode, a non-zero reserved field, a truncated
 * 64-bit immediate, or a jump outside the program. The message starts with the instruction's index.
 */
public final class InvalidInsnException extends BpfException {
    private static final long serialVersionUID = 1L;
    private final int index;

    /** An error at slot {@code index}; the message gets the prefix {@code "instruction N: "}. */
    public InvalidInsnException(int index, String reason) {
        super("instruction " + index + ": " + reason);
        this.index = index;
    }

    /** The slot index of the offending instruction. */
    public int index() {
        return index;
    }
}

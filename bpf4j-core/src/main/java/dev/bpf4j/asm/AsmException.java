package dev.bpf4j.asm;

import dev.bpf4j.BpfException;

/**
 * Assembly text that cannot be assembled: an unknown mnemonic, a bad register, an operand out of range,
 * an undefined label. The message is one line: {@code line N: reason: the offending text}.
 */
public final class AsmException extends BpfException {
    private static final long serialVersionUID = 1L;
    private final int line;

    /** An error on 1-based source line {@code line}. */
    public AsmException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    /** The 1-based source line of the error. */
    public int line() {
        return line;
    }
}

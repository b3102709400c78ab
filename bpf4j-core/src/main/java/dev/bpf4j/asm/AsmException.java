package dev.bpf4j.asm;

import dev.bpf4j.BpfException;

/**
 * Assembly text that cannot be assembled: an unknown mnemonic, a bad register, an operand out of range,
 * an undefined label. The message is one line: {@code line N: reason: the offending text}, prefixed with
 * the source's name when the caller gave one ({@code prog.s: line N: ...}).
 */
public final class AsmException extends BpfException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String reason;

    /** An error on 1-based source line {@code line}. */
    public AsmException(int line, String reason) {
        this(null, line, reason);
    }

    /** An error on 1-based line {@code line} of the source called {@code source} (null if unnamed). */
    public AsmException(String source, int line, String reason) {
        super((source == null ? "" : source + ": ") + "line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    /** The 1-based source line of the error. */
    public int line() {
        return line;
    }

    /** The message without its source and line prefix. */
    public String reason() {
        return reason;
    }
}

package dev.bpf4j;

/**
 * A file that is not what it claims to be: a truncated ELF object, a bad capture file, a malformed test
 * file. The message names the file, and where known the section and byte offset of the problem.
 */
public class FormatException extends BpfException {
    private static final long serialVersionUID = 1L;

    /** A format error described by {@code message}, which should name the file and place. */
    public FormatException(String message) {
        super(message);
    }

    /** A format error in {@code file}, at {@code where} (a section or offset), for {@code reason}. */
    public static FormatException at(String file, String where, String reason) {
        return new FormatException(file + (where.isEmpty() ? "" : ": " + where) + ": " + reason);
    }
}

package dev.bpf4j;

/**
 * The root of every error bpf4j raises on purpose. Unchecked, because callers that can recover are rare
 * and the CLI turns any of them into one line and an exit code. The message is written for the user:
 * it names what went wrong and, where it can, what to do.
 */
public class BpfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a user-facing message. */
    public BpfException(String message) {
        super(message);
    }

    /** An error with a user-facing message and the lower-level cause. */
    public BpfException(String message, Throwable cause) {
        super(message, cause);
    }
}

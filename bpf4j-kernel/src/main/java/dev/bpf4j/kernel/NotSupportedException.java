package dev.bpf4j.kernel;

import dev.bpf4j.BpfException;

/**
 * The running kernel cannot do what was asked: the message names the feature and what the kernel lacks
 * (a config option, a program type, a permission it refuses), so the user knows it is the machine, not
 * the program, that is at fault.
 */
public class NotSupportedException extends BpfException {
    private static final long serialVersionUID = 1L;

    private final String feature;

    /** {@code feature} (e.g. "fentry programs") is unavailable because of {@code reason}. */
    public NotSupportedException(String feature, String reason) {
        super(feature + " not supported: " + reason);
        this.feature = feature;
    }

    /** Like {@link #NotSupportedException(String, String)}, keeping the kernel's own error as the cause. */
    public NotSupportedException(String feature, String reason, Throwable cause) {
        super(feature + " not supported: " + reason, cause);
        this.feature = feature;
    }

    /** The missing feature, as named in the message. */
    public String feature() {
        return feature;
    }
}

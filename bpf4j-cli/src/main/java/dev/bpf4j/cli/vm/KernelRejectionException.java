package dev.bpf4j.cli.vm;

import dev.bpf4j.BpfException;

/**
 * The kernel's verifier refused a program the kernel engine was asked to run. Kept apart from other
 * failures because, for a conformance test that expects an error, a refusal is that error.
 */
public final class KernelRejectionException extends BpfException {
    private static final long serialVersionUID = 1L;

    /** A rejection explained by {@code message} (which names the verifier's decisive line). */
    public KernelRejectionException(String message, Throwable cause) {
        super(message, cause);
    }
}

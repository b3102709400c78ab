package dev.bpf4j.asm;

/**
 * A problem found while parsing one line, before the assembler knows the line number; {@link Assembler}
 * turns it into an {@link AsmException} with {@code line N: reason: text}. Package-private because users
 * only ever see {@code AsmException}.
 */
final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String reason) {
        super(reason, null, false, false);
    }
}

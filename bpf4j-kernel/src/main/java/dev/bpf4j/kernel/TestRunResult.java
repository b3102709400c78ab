package dev.bpf4j.kernel;

/**
 * What a test run produced.
 *
 * @param retval     the program's return value: the low 32 bits of r0, unsigned (the kernel reports no more)
 * @param durationNs the average run time in nanoseconds
 * @param dataOut    the data after the run, cut to the room given
 * @param ctxOut     the context after the run, cut to the room given
 */
public record TestRunResult(long retval, long durationNs, byte[] dataOut, byte[] ctxOut) {
}

package dev.bpf4j.kernel;

/**
 * Input to BPF_PROG_TEST_RUN: run a loaded program once or {@code repeat} times on given data (a packet
 * for network programs) and context, without attaching it.
 *
 * @param dataIn      the packet or data, or null; network programs need at least an Ethernet header (14 bytes)
 * @param dataOutSize room for the data after the run (0 for none)
 * @param ctxIn       the context (e.g. {@code struct __sk_buff}, {@code struct xdp_md}, a syscall program's
 *                    argument), or null
 * @param ctxOutSize  room for the context after the run (0 for none)
 * @param repeat      how many times to run (0 and 1 both mean once); the duration is the average
 */
public record TestRunOptions(byte[] dataIn, int dataOutSize, byte[] ctxIn, int ctxOutSize, int repeat) {
    /** Checks the sizes. */
    public TestRunOptions {
        if (dataOutSize < 0 || ctxOutSize < 0 || repeat < 0) {
            throw new IllegalArgumentException("sizes and repeat must not be negative");
        }
    }

    /** Runs once on {@code data}, with room for the same amount of data out. */
    public static TestRunOptions ofData(byte[] data) {
        return new TestRunOptions(data, data.length, null, 0, 1);
    }

    /**
     * Runs once on context {@code ctx} alone, the form syscall and raw tracepoint programs take: the
     * kernel refuses them any data, context out or repeat count.
     */
    public static TestRunOptions ofContext(byte[] ctx) {
        return new TestRunOptions(null, 0, ctx, 0, 0);
    }
}

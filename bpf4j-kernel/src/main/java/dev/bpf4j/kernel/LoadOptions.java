package dev.bpf4j.kernel;

/**
 * How to ask the verifier for its log.
 *
 * @param logLevel 0 for no log unless the load fails (then it is retried at level 1 to explain why),
 *                 1 for the log of the verified paths, 2 for every instruction's state; 4 adds statistics
 * @param logSize  the first buffer size in bytes; a log that does not fit is retried with the size the
 *                 kernel reports it needed (or twice the size on kernels that do not report it)
 */
public record LoadOptions(int logLevel, int logSize) {
    /** No log on success, a level-1 log on failure, 64 KiB to start with. */
    public static final LoadOptions DEFAULT = new LoadOptions(0, 64 * 1024);

    /** The kernel refuses log buffers of {@code UINT_MAX >> 2} bytes or more. */
    public static final int MAX_LOG_SIZE = (int) ((0xffffffffL >> 2) - 1);

    /** Checks the values are ones the kernel accepts. */
    public LoadOptions {
        if (logLevel < 0 || logLevel > 7) {
            throw new IllegalArgumentException("log level must be between 0 and 7, not " + logLevel);
        }
        if (logSize < 128 || logSize > MAX_LOG_SIZE) {
            throw new IllegalArgumentException("log size must be between 128 and " + MAX_LOG_SIZE + ", not " + logSize);
        }
    }
}

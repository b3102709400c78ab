package dev.bpf4j.kernel.sys;

/**
 * An epoll instance owning its descriptor: readers register the descriptors of their rings and sleep in
 * {@link #await} until the kernel says data is there, so no record costs a system call.
 */
public final class Epoll implements AutoCloseable {
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLLIN = 1;

    private final int fd;
    private final long[] ready;
    private volatile boolean closed;

    private Epoll(int fd, int capacity) {
        this.fd = fd;
        this.ready = new long[Math.max(1, capacity)];
    }

    /** A new epoll instance reporting at most {@code capacity} ready descriptors per wait. */
    public static Epoll create(int capacity) {
        return new Epoll((int) Native.check("epoll_create1", Native.epollCreate1(EPOLL_CLOEXEC)), capacity);
    }

    /** Watches {@code target} for input, reporting {@code cookie} when it is readable. */
    public void add(int target, long cookie) {
        Native.check("epoll_ctl", Native.epollCtl(fd, EPOLL_CTL_ADD, target, EPOLLIN, cookie));
    }

    /**
     * Waits up to {@code timeoutMillis} (-1: forever, 0: not at all) for readable descriptors; returns
     * how many, their cookies in {@link #cookie(int)}. An interrupted wait (EINTR) counts as zero.
     */
    public int await(int timeoutMillis) {
        int n = Native.epollWait(fd, ready, timeoutMillis);
        if (n == -Errno.EINTR) {
            return 0;
        }
        return (int) Native.check("epoll_wait", n);
    }

    /** The cookie of the {@code i}-th descriptor the last {@link #await} reported. */
    public long cookie(int i) {
        return ready[i];
    }

    /** Closes the epoll descriptor (once). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.close(fd);
        }
    }
}

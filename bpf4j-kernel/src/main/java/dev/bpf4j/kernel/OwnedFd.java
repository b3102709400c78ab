package dev.bpf4j.kernel;

import dev.bpf4j.kernel.sys.Native;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file descriptor this process owns and closes exactly once, however often {@link #close()} is called
 * and from whichever thread; using it after closing is an error that names the object, not a stale fd that
 * might by then belong to something else.
 */
final class OwnedFd implements AutoCloseable {
    private final AtomicInteger fd;
    private final String what;

    OwnedFd(int fd, String what) {
        this.fd = new AtomicInteger(fd);
        this.what = what;
    }

    /** The descriptor, or an exception if closed. */
    int get() {
        int v = fd.get();
        if (v < 0) {
            throw new IllegalStateException(what + " is closed");
        }
        return v;
    }

    boolean isClosed() {
        return fd.get() < 0;
    }

    @Override
    public void close() {
        int v = fd.getAndSet(-1);
        if (v >= 0) {
            Native.close(v);
        }
    }
}

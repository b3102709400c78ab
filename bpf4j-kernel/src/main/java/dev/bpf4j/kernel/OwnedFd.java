package dev.bpf4j.kernel;

import dev.bpf4j.kernel.sys.Native;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file descriptor this process owns and closes exactly once, however often {@link #close()} is called
 * and from whichever thread; using it after closing is an error that names the object, not a stale fd that
 * might by then belong to something else.
 */
public final class OwnedFd implements AutoCloseable {
    private final AtomicInteger fd;
    private final String what;

    /** Takes ownership of {@code fd}; {@code what} names it in errors ("map counts", "link of ..."). */
    public OwnedFd(int fd, String what) {
        this.fd = new AtomicInteger(fd);
        this.what = what;
    }

    /** The descriptor, or an exception if closed. */
    public int get() {
        int v = fd.get();
        if (v < 0) {
            throw new IllegalStateException(what + " is closed");
        }
        return v;
    }

    /** True once closed. */
    public boolean isClosed() {
        return fd.get() < 0;
    }

    /** Closes the descriptor; true the first time, false if it was already closed. */
    public boolean release() {
        int v = fd.getAndSet(-1);
        if (v >= 0) {
            Native.close(v);
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        release();
    }
}

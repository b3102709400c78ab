package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.sys.Native;

import java.util.concurrent.atomic.AtomicInteger;

/** A file descriptor closed exactly once; using it after closing names what it was. */
final class LinkFd {
    private final AtomicInteger fd;
    private final String what;

    LinkFd(int fd, String what) {
        this.fd = new AtomicInteger(fd);
        this.what = what;
    }

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

    /** Closes; true the first time. */
    boolean close() {
        int v = fd.getAndSet(-1);
        if (v >= 0) {
            Native.close(v);
            return true;
        }
        return false;
    }
}

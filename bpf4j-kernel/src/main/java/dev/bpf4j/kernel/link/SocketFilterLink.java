package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.sys.Sockets;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A program in a socket's filter slot ({@code SO_ATTACH_BPF}). The socket belongs to the caller, not to
 * the link: closing the link detaches the filter ({@code SO_DETACH_BPF}) and leaves the socket open. A
 * socket has one filter slot, so attaching another program replaces this one; the kernel has no link id.
 */
public final class SocketFilterLink implements Link {
    private final int socketFd;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    SocketFilterLink(int socketFd, String description) {
        this.socketFd = socketFd;
        this.description = description;
    }

    /** The socket the filter is on. */
    public int socketFd() {
        return socketFd;
    }

    /** Always 0: socket filters are not BPF links. */
    @Override
    public int id() {
        return 0;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    /** Detaches the filter; a socket closed meanwhile (EBADF) or without a filter (ENOENT) is fine. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Sockets.setsockoptInt(socketFd, Sockets.SOL_SOCKET, Sockets.SO_DETACH_BPF, 0);
        }
    }

    @Override
    public String toString() {
        return "SocketFilterLink[" + description + (isClosed() ? ", closed]" : "]");
    }
}

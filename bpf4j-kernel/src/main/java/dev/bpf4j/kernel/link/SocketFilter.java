package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.Sockets;

/**
 * Attaches a socket-filter program to a socket with {@code setsockopt(SO_ATTACH_BPF)}: the program sees
 * each packet the socket would receive and returns how many bytes to keep (0 drops it). Works on any
 * socket fd, e.g. a UDP socket or a raw packet socket.
 */
public final class SocketFilter {
    private SocketFilter() {
    }

    /**
     * Attaches {@code program} (type SOCKET_FILTER) to {@code socketFd}, replacing any filter there.
     *
     * @throws SyscallException from setsockopt, e.g. ENOTSOCK for an fd that is not a socket
     */
    public static SocketFilterLink attach(BpfProgram program, int socketFd) {
        Attach.requireType(program, "a socket filter", ProgramType.SOCKET_FILTER);
        String what = "socket filter " + program.name() + " on socket fd " + socketFd;
        int r = Sockets.setsockoptInt(socketFd, Sockets.SOL_SOCKET, Sockets.SO_ATTACH_BPF, program.fd());
        if (r < 0) {
            throw new SyscallException("setsockopt(SO_ATTACH_BPF)", -r, what);
        }
        return new SocketFilterLink(socketFd, what);
    }
}

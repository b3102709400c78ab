package dev.bpf4j.kernel.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The socket calls bpf4j needs to attach socket filters and to cause network events in tests: socket,
 * setsockopt, bind, sendto, recvfrom and getsockname as raw syscalls (x86_64 and arm64 numbers), with
 * IPv4 {@code sockaddr_in} encoding. Results are {@code -errno} on failure, like the kernel's.
 */
public final class Sockets {
    private static final boolean X86_64 = System.getProperty("os.arch").equals("amd64");
    static final long SYS_READ = X86_64 ? 0 : 63;
    static final long SYS_GETPID = X86_64 ? 39 : 172;
    static final long SYS_GETPPID = X86_64 ? 110 : 173;
    private static final long SYS_SOCKET = X86_64 ? 41 : 198;
    private static final long SYS_BIND = X86_64 ? 49 : 200;
    private static final long SYS_CONNECT = X86_64 ? 42 : 203;
    private static final long SYS_GETSOCKNAME = X86_64 ? 51 : 204;
    private static final long SYS_SENDTO = X86_64 ? 44 : 206;
    private static final long SYS_RECVFROM = X86_64 ? 45 : 207;
    private static final long SYS_SETSOCKOPT = X86_64 ? 54 : 208;

    /** {@code AF_INET}. */
    public static final int AF_INET = 2;
    /** {@code SOCK_DGRAM}. */
    public static final int SOCK_DGRAM = 2;
    /** {@code SOCK_STREAM}. */
    public static final int SOCK_STREAM = 1;
    /** {@code SOCK_CLOEXEC}. */
    public static final int SOCK_CLOEXEC = 0x80000;
    /** {@code SOL_SOCKET}. */
    public static final int SOL_SOCKET = 1;
    /** {@code SO_ATTACH_BPF}. */
    public static final int SO_ATTACH_BPF = 50;
    /** {@code SO_DETACH_BPF} (same value as {@code SO_DETACH_FILTER}). */
    public static final int SO_DETACH_BPF = 27;
    /** {@code MSG_DONTWAIT}. */
    public static final int MSG_DONTWAIT = 0x40;

    private Sockets() {
    }

    /** {@code socket(domain, type, protocol)}: an fd or {@code -errno}. */
    public static int socket(int domain, int type, int protocol) {
        return (int) Native.syscall(SYS_SOCKET, domain, type, protocol, 0, 0, 0);
    }

    /** {@code setsockopt(fd, level, name, &value, 4)} with a 32-bit value: 0 or {@code -errno}. */
    public static int setsockoptInt(int fd, int level, int name, int value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
            v.set(ValueLayout.JAVA_INT, 0, value);
            return (int) Native.syscall(SYS_SETSOCKOPT, fd, level, name, v.address(), 4, 0);
        }
    }

    private static MemorySegment sockaddr(Arena arena, int ipv4, int port) {
        MemorySegment sa = arena.allocate(16, 4);
        sa.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
        sa.set(ValueLayout.JAVA_BYTE, 2, (byte) (port >> 8));
        sa.set(ValueLayout.JAVA_BYTE, 3, (byte) port);
        for (int i = 0; i < 4; i++) {
            sa.set(ValueLayout.JAVA_BYTE, 4 + i, (byte) (ipv4 >>> (24 - 8 * i)));
        }
        return sa;
    }

    /** {@code bind(fd, ipv4:port)} (address as a host-order int, e.g. 0x7f000001): 0 or {@code -errno}. */
    public static int bind(int fd, int ipv4, int port) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) Native.syscall(SYS_BIND, fd, sockaddr(arena, ipv4, port).address(), 16, 0, 0, 0);
        }
    }

    /** {@code connect(fd, ipv4:port)}: 0 or {@code -errno}. */
    public static int connect(int fd, int ipv4, int port) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) Native.syscall(SYS_CONNECT, fd, sockaddr(arena, ipv4, port).address(), 16, 0, 0, 0);
        }
    }

    /** The local port of a bound IPv4 socket, or {@code -errno}. */
    public static int localPort(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(16, 4);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 16);
            long r = Native.syscall(SYS_GETSOCKNAME, fd, sa.address(), len.address(), 0, 0, 0);
            if (r < 0) {
                return (int) r;
            }
            return (sa.get(ValueLayout.JAVA_BYTE, 2) & 0xff) << 8 | sa.get(ValueLayout.JAVA_BYTE, 3) & 0xff;
        }
    }

    /** {@code sendto(fd, data, 0, ipv4:port)}: bytes sent or {@code -errno}. */
    public static int sendTo(int fd, byte[] data, int ipv4, int port) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment d = arena.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, d, ValueLayout.JAVA_BYTE, 0, data.length);
            return (int) Native.syscall(SYS_SENDTO, fd, d.address(), data.length, 0,
                    sockaddr(arena, ipv4, port).address(), 16);
        }
    }

    /** {@code recvfrom(fd, buf, len, flags, NULL, NULL)}: bytes received or {@code -errno}. */
    public static int recv(int fd, byte[] buf, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocate(Math.max(1, buf.length));
            long r = Native.syscall(SYS_RECVFROM, fd, b.address(), buf.length, flags, 0, 0);
            if (r > 0) {
                MemorySegment.copy(b, ValueLayout.JAVA_BYTE, 0, buf, 0, (int) r);
            }
            return (int) r;
        }
    }
}

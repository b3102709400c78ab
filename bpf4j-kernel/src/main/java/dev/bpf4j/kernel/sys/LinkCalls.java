package dev.bpf4j.kernel.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The kernel calls behind attaching: BPF_LINK_CREATE (offsets of the {@code link_create} member of
 * {@code union bpf_attr} on Linux 6.18, a 64-byte struct), BPF_ITER_CREATE, BPF_LINK_DETACH, link info,
 * perf_event_open for uprobes (whose {@code config1} is a pointer to the path) and the perf ioctls. Kept in
 * its own file so the shared {@link Bpf} and {@link PerfEvent} stay small.
 */
public final class LinkCalls {
    /** {@code BPF_LINK_CREATE}. */
    public static final int BPF_LINK_CREATE = 28;
    /** {@code BPF_ITER_CREATE}. */
    public static final int BPF_ITER_CREATE = 33;
    /** {@code BPF_LINK_DETACH}. */
    public static final int BPF_LINK_DETACH = 34;
    /** {@code BPF_OBJ_GET_INFO_BY_FD}. */
    private static final int BPF_OBJ_GET_INFO_BY_FD = 15;

    /** Size of the {@code link_create} member. */
    public static final int LINK_CREATE_SIZE = 64;
    /** link_create: {@code prog_fd} at 0. */
    public static final int LC_PROG_FD = 0;
    /** link_create: {@code target_fd} / {@code target_ifindex} at 4. */
    public static final int LC_TARGET = 4;
    /** link_create: {@code attach_type} at 8. */
    public static final int LC_ATTACH_TYPE = 8;
    /** link_create: {@code flags} at 12. */
    public static final int LC_FLAGS = 12;
    /** link_create: {@code target_btf_id}, {@code iter_info}, {@code perf_event.bpf_cookie} at 16. */
    public static final int LC_EXTRA = 16;
    /** link_create: {@code iter_info_len} at 24. */
    public static final int LC_ITER_INFO_LEN = 24;

    /** {@code sizeof(struct bpf_link_info)} on 6.18. */
    public static final int LINK_INFO_SIZE = 64;

    /** {@code PERF_EVENT_IOC_ENABLE}: {@code _IO('$', 0)}. */
    public static final long IOC_ENABLE = 0x2400;
    /** {@code PERF_EVENT_IOC_DISABLE}: {@code _IO('$', 1)}. */
    public static final long IOC_DISABLE = 0x2401;
    /** {@code PERF_EVENT_IOC_SET_BPF}: {@code _IOW('$', 8, __u32)}. */
    public static final long IOC_SET_BPF = 0x40042408;

    private LinkCalls() {
    }

    private static long bpf(int cmd, MemorySegment attr, int size) {
        return Native.syscall(Native.SYS_BPF, cmd, attr.address(), size, 0, 0, 0);
    }

    /**
     * BPF_LINK_CREATE: a new link fd or {@code -errno}.
     *
     * @param extra      the 64-bit word at offset 16 (target BTF id, perf-event cookie), 0 if unused
     * @param iterInfo   for iterators, the {@code union bpf_iter_link_info} bytes, or null
     */
    public static int linkCreate(int progFd, int target, int attachType, int flags, long extra, byte[] iterInfo) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(LINK_CREATE_SIZE, 8);
            a.set(ValueLayout.JAVA_INT, LC_PROG_FD, progFd);
            a.set(ValueLayout.JAVA_INT, LC_TARGET, target);
            a.set(ValueLayout.JAVA_INT, LC_ATTACH_TYPE, attachType);
            a.set(ValueLayout.JAVA_INT, LC_FLAGS, flags);
            a.set(ValueLayout.JAVA_LONG, LC_EXTRA, extra);
            if (iterInfo != null) {
                MemorySegment info = arena.allocate(iterInfo.length, 8);
                MemorySegment.copy(iterInfo, 0, info, ValueLayout.JAVA_BYTE, 0, iterInfo.length);
                a.set(ValueLayout.JAVA_LONG, LC_EXTRA, info.address());
                a.set(ValueLayout.JAVA_INT, LC_ITER_INFO_LEN, iterInfo.length);
            }
            return (int) bpf(BPF_LINK_CREATE, a, LINK_CREATE_SIZE);
        }
    }

    /** BPF_ITER_CREATE: a readable fd producing the iterator's output, or {@code -errno}. */
    public static int iterCreate(int linkFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(8, 8);
            a.set(ValueLayout.JAVA_INT, 0, linkFd);
            return (int) bpf(BPF_ITER_CREATE, a, 8);
        }
    }

    /** BPF_LINK_DETACH: 0 or {@code -errno}. */
    public static int linkDetach(int linkFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(4, 8);
            a.set(ValueLayout.JAVA_INT, 0, linkFd);
            return (int) bpf(BPF_LINK_DETACH, a, 4);
        }
    }

    /** The {@code struct bpf_link_info} of link {@code fd}: type at 0, id at 4, prog_id at 8. */
    public static byte[] linkInfo(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(16, 8);
            MemorySegment info = arena.allocate(LINK_INFO_SIZE, 8);
            a.set(ValueLayout.JAVA_INT, 0, fd);
            a.set(ValueLayout.JAVA_INT, 4, LINK_INFO_SIZE);
            a.set(ValueLayout.JAVA_LONG, 8, info.address());
            Native.check("BPF_OBJ_GET_INFO_BY_FD", bpf(BPF_OBJ_GET_INFO_BY_FD, a, 16));
            return info.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /**
     * perf_event_open for a uprobe or kprobe: {@code type} the PMU's dynamic type, {@code config} the
     * retprobe bit (and, for uprobes, the reference-counter offset), {@code config1} a pointer to
     * {@code target} (the binary's path or the kernel function's name; valid for the call only: the kernel
     * copies it), {@code config2} the offset. Returns an fd or {@code -errno}.
     */
    public static int openProbe(int type, long config, String target, long offset, int pid, int cpu) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(PerfEvent.ATTR_SIZE, 8);
            a.set(ValueLayout.JAVA_INT, PerfEvent.TYPE, type);
            a.set(ValueLayout.JAVA_INT, PerfEvent.SIZE, PerfEvent.ATTR_SIZE);
            a.set(ValueLayout.JAVA_LONG, PerfEvent.CONFIG, config);
            a.set(ValueLayout.JAVA_LONG, PerfEvent.SAMPLE_PERIOD, 1);
            a.set(ValueLayout.JAVA_LONG, PerfEvent.CONFIG1, arena.allocateFrom(target, StandardCharsets.UTF_8).address());
            a.set(ValueLayout.JAVA_LONG, PerfEvent.CONFIG2, offset);
            return (int) Native.syscall(Native.SYS_PERF_EVENT_OPEN, a.address(), pid, cpu, -1,
                    PerfEvent.FLAG_FD_CLOEXEC, 0);
        }
    }

    /** perf_event_open with an encoded attr (see {@link PerfEvent#attr}): an fd or {@code -errno}. */
    public static int openPerfEvent(byte[] attr, int pid, int cpu) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(attr.length, 8);
            MemorySegment.copy(attr, 0, a, ValueLayout.JAVA_BYTE, 0, attr.length);
            return (int) Native.syscall(Native.SYS_PERF_EVENT_OPEN, a.address(), pid, cpu, -1,
                    PerfEvent.FLAG_FD_CLOEXEC, 0);
        }
    }

    /** {@code read(fd, buf, n)} into a Java array: bytes read, 0 at end, or {@code -errno}. */
    public static int read(int fd, byte[] buf) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocate(Math.max(1, buf.length));
            long r = Native.syscall(Sockets.SYS_READ, fd, b.address(), buf.length, 0, 0, 0);
            if (r > 0) {
                MemorySegment.copy(b, ValueLayout.JAVA_BYTE, 0, buf, 0, (int) r);
            }
            return (int) r;
        }
    }

    /** {@code getppid()} straight from the kernel, another syscall for tracepoint tests. */
    public static int getppid() {
        return (int) Native.syscall(Sockets.SYS_GETPPID, 0, 0, 0, 0, 0, 0);
    }

    /** {@code getpid()} straight from the kernel (Java caches its pid; tracepoint tests need the syscall). */
    public static int getpid() {
        return (int) Native.syscall(Sockets.SYS_GETPID, 0, 0, 0, 0, 0, 0);
    }
}

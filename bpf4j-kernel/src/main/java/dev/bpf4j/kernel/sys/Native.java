package dev.bpf4j.kernel.sys;

import dev.bpf4j.kernel.SyscallException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The one place bpf4j calls into libc: the raw {@code syscall(2)} entry (for bpf and perf_event_open,
 * which glibc does not wrap) and the few wrapped calls (close, ioctl, mmap, munmap, open, mount, epoll).
 * Every call captures errno right after the call returns, so no other native code can overwrite it; a
 * failing call returns {@code -errno}, the kernel's own convention, and {@link #check} turns that into a
 * {@link SyscallException}.
 */
@SuppressWarnings("restricted") // This is the one class that may make restricted calls; see module-info.
public final class Native {
    private static final boolean X86_64 = System.getProperty("os.arch").equals("amd64");
    private static final boolean AARCH64 = System.getProperty("os.arch").equals("aarch64");

    /**
     * The bpf syscall number: 321 on x86_64 (arch/x86/entry/syscalls/syscall_64.tbl), 280 on arm64 (the
     * generic table, include/uapi/asm-generic/unistd.h); -1 elsewhere, which {@link #syscall} refuses.
     */
    public static final long SYS_BPF = X86_64 ? 321 : AARCH64 ? 280 : -1;
    /** The perf_event_open syscall number: 298 on x86_64, 241 on arm64. */
    public static final long SYS_PERF_EVENT_OPEN = X86_64 ? 298 : AARCH64 ? 241 : -1;
    /** {@code sizeof(struct epoll_event)}: packed (12 bytes) on x86_64 only, 16 bytes elsewhere. */
    static final int EPOLL_EVENT_SIZE = X86_64 ? 12 : 16;
    /** Offset of {@code epoll_event.data}. */
    static final int EPOLL_DATA_OFFSET = X86_64 ? 4 : 8;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SYSCALL = handle("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle IOCTL = handle("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle MMAP = handle("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = handle("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle OPEN = handle("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle READ = handle("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MOUNT = handle("mount",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle EPOLL_CREATE1 = handle("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CTL = handle("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EPOLL_WAIT = handle("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETPAGESIZE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("getpagesize").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETEUID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("geteuid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));

    /** {@code mmap}'s failure value. */
    public static final long MAP_FAILED = -1L;

    private Native() {
    }

    private static MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        System.arraycopy(extra, 0, options, 0, extra.length);
        options[extra.length] = Linker.Option.captureCallState("errno");
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    private static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /** Raw {@code syscall(nr, a1..a6)}: the result, or {@code -errno} on failure. */
    public static long syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6) {
        if (nr < 0) {
            throw new dev.bpf4j.kernel.NotSupportedException("bpf4j's kernel interface on " + System.getProperty("os.arch"),
                    "bpf4j knows the syscall numbers of x86_64 and arm64 only");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            long r = (long) SYSCALL.invokeExact(capture, nr, a1, a2, a3, a4, a5, a6);
            return r == -1 ? -errno(capture) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Returns {@code result} unless it is {@code -errno}, in which case throws for {@code command}. */
    public static long check(String command, long result) {
        if (result < 0) {
            throw new SyscallException(command, (int) -result);
        }
        return result;
    }

    /** {@code close(fd)}; returns 0 or {@code -errno}. */
    public static int close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            int r = (int) CLOSE.invokeExact(capture, fd);
            return r == -1 ? -errno(capture) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code ioctl(fd, request, arg)} with an integer or address argument; the result or {@code -errno}. */
    public static int ioctl(int fd, long request, long arg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            int r = (int) IOCTL.invokeExact(capture, fd, request, arg);
            return r == -1 ? -errno(capture) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code mmap(NULL, length, prot, flags, fd, offset)}: the mapping's address as a segment of
     * {@code length} bytes bound to {@code arena} (whose closing does not unmap: call {@link #munmap}).
     *
     * @throws SyscallException on failure
     */
    public static MemorySegment mmap(Arena arena, long length, int prot, int flags, int fd, long offset) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment capture = call.allocate(CAPTURE);
            MemorySegment r = (MemorySegment) MMAP.invokeExact(capture, MemorySegment.NULL, length, prot, flags, fd, offset);
            if (r.address() == MAP_FAILED) {
                throw new SyscallException("mmap", errno(capture));
            }
            return r.reinterpret(length, arena, null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code munmap(address, length)}; 0 or {@code -errno}. */
    public static int munmap(MemorySegment mapping) {
        return munmap(mapping.address(), mapping.byteSize());
    }

    /** {@code munmap(address, length)} by raw address, for mappings whose segment is already closed; 0 or {@code -errno}. */
    public static int munmap(long address, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            int r = (int) MUNMAP.invokeExact(capture, MemorySegment.ofAddress(address), length);
            return r == -1 ? -errno(capture) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code open(path, flags, mode)}: a new fd or {@code -errno}. */
    public static int open(String path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            int r = (int) OPEN.invokeExact(capture, arena.allocateFrom(path), flags, mode);
            return r == -1 ? -errno(capture) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code read(fd, buf, buf.length)} into {@code buf}: the byte count (0 at end of file) or {@code -errno}. */
    public static int read(int fd, byte[] buf) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            MemorySegment b = arena.allocate(Math.max(1, buf.length));
            long r = (long) READ.invokeExact(capture, fd, b, (long) buf.length);
            if (r == -1) {
                return -errno(capture);
            }
            MemorySegment.copy(b, JAVA_BYTE, 0, buf, 0, (int) r);
            return (int) r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code mount(source, target, fstype, flags, NULL)}; 0 or {@code -errno}. */
    public static int mount(String source, String target, String fsType, long flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            int r = (int) MOUNT.invokeExact(capture, arena.allocateFrom(source), arena.allocateFrom(target),
                    arena.allocateFrom(fsType), flags, MemorySegment.NULL);
            return r == -1 ? -errno(capture) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code epoll_create1(flags)}: a new epoll fd or {@code -errno}. */
    public static int epollCreate1(int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            int r = (int) EPOLL_CREATE1.invokeExact(capture, flags);
            return r == -1 ? -errno(capture) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code epoll_ctl(epfd, op, fd, &{events, data})}. On x86_64 {@code struct epoll_event} is packed:
     * a 32-bit event mask at 0 and 64-bit data at 4, 12 bytes in all; elsewhere data sits at 8.
     */
    public static int epollCtl(int epfd, int op, int fd, int events, long data) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            MemorySegment ev = arena.allocate(EPOLL_EVENT_SIZE, 8);
            ev.set(JAVA_INT, 0, events);
            ev.set(ValueLayout.JAVA_LONG_UNALIGNED, EPOLL_DATA_OFFSET, data);
            int r = (int) EPOLL_CTL.invokeExact(capture, epfd, op, fd, ev);
            return r == -1 ? -errno(capture) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code epoll_wait}: fills {@code data} with the 64-bit data word of each ready event (at most
     * {@code data.length}); returns how many, or {@code -errno}.
     */
    public static int epollWait(int epfd, long[] data, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            MemorySegment evs = arena.allocate((long) EPOLL_EVENT_SIZE * Math.max(1, data.length), 8);
            int r = (int) EPOLL_WAIT.invokeExact(capture, epfd, evs, data.length, timeoutMillis);
            if (r == -1) {
                return -errno(capture);
            }
            for (int i = 0; i < r; i++) {
                data[i] = evs.get(ValueLayout.JAVA_LONG_UNALIGNED, (long) EPOLL_EVENT_SIZE * i + EPOLL_DATA_OFFSET);
            }
            return r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The page size ({@code getpagesize()}). */
    public static int pageSize() {
        try {
            return (int) GETPAGESIZE.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The effective user id of this process. */
    public static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }
}

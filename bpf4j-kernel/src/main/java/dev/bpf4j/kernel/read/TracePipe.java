package dev.bpf4j.kernel.read;

import dev.bpf4j.kernel.NotSupportedException;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.Epoll;
import dev.bpf4j.kernel.sys.Errno;
import dev.bpf4j.kernel.sys.Native;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code bpf_trace_printk} output from the kernel's trace pipe ({@code /sys/kernel/tracing/
 * trace_pipe}, mounting tracefs there first if it is not mounted). Reading consumes: the trace buffer is
 * shared by the whole system, and what one reader takes no other sees. The pipe is opened non-blocking
 * and waited on with epoll, so a wait has a timeout and closing never hangs on a blocked read.
 */
public final class TracePipe implements AutoCloseable {
    /** Where tracefs is mounted on current systems. */
    public static final Path TRACEFS = Path.of("/sys/kernel/tracing");
    private static final int O_RDONLY = 0;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;

    private final int fd;
    private final Epoll epoll;
    private final byte[] chunk = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private byte[] buffered = new byte[0];
    private int pos;
    private boolean closed;

    private TracePipe(int fd, Epoll epoll) {
        this.fd = fd;
        this.epoll = epoll;
    }

    /**
     * Opens the system's trace pipe, mounting tracefs at {@link #TRACEFS} when it is not mounted.
     *
     * @throws NotSupportedException if there is no tracefs and it cannot be mounted
     */
    public static TracePipe open() {
        Path pipe = TRACEFS.resolve("trace_pipe");
        if (!Files.exists(pipe)) {
            int r = Native.mount("tracefs", TRACEFS.toString(), "tracefs", 0);
            if (r < 0 || !Files.exists(pipe)) {
                throw new NotSupportedException("the trace pipe (" + pipe + ")",
                        "tracefs is not mounted and mounting it failed"
                                + (r < 0 ? " with " + Errno.describe(-r) : "") + "; it needs CAP_SYS_ADMIN");
            }
        }
        return open(pipe);
    }

    /** Opens the trace pipe at {@code path} (another tracefs instance, say). */
    public static TracePipe open(Path path) {
        int fd = (int) Native.check("open " + path, Native.open(path.toString(), O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0));
        try {
            Epoll epoll = Epoll.create(1);
            try {
                epoll.add(fd, 0);
            } catch (RuntimeException e) {
                epoll.close();
                throw e;
            }
            return new TracePipe(fd, epoll);
        } catch (RuntimeException e) {
            Native.close(fd);
            throw e;
        }
    }

    /**
     * The next line (without its newline), waiting up to {@code timeoutMillis} (-1: no limit) for one to
     * be complete; empty if none came in time.
     */
    public Optional<String> readLine(int timeoutMillis) {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            while (pos < buffered.length) {
                byte b = buffered[pos++];
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    return Optional.of(s);
                }
                line.write(b);
            }
            int n = Native.read(fd, chunk);
            if (n > 0) {
                buffered = java.util.Arrays.copyOf(chunk, n);
                pos = 0;
                continue;
            }
            if (n < 0 && n != -Errno.EAGAIN && n != -Errno.EINTR) {
                throw new SyscallException("read trace_pipe", -n);
            }
            long left = deadline == Long.MAX_VALUE ? -1 : (deadline - System.nanoTime()) / 1_000_000L;
            if (deadline != Long.MAX_VALUE && left <= 0) {
                return Optional.empty();
            }
            epoll.await((int) Math.min(left, Integer.MAX_VALUE));
        }
    }

    /** The next line that parses as an event ({@link TraceEvent#parse}), waiting as {@link #readLine} does. */
    public Optional<TraceEvent> readEvent(int timeoutMillis) {
        long deadline = System.nanoTime() + Math.max(0, timeoutMillis) * 1_000_000L;
        while (true) {
            int left = timeoutMillis < 0 ? -1 : (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            Optional<String> l = readLine(left);
            if (l.isEmpty()) {
                return Optional.empty();
            }
            Optional<TraceEvent> e = TraceEvent.parse(l.get());
            if (e.isPresent()) {
                return e;
            }
        }
    }

    /** Closes the pipe and the epoll instance (once). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            epoll.close();
            Native.close(fd);
        }
    }
}

package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.OwnedFd;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.LinkCalls;
import dev.bpf4j.kernel.sys.Native;

import java.util.ArrayList;
import java.util.List;

/**
 * Perf events carrying a program: one per CPU for sampling, one for a tracepoint or uprobe. Each event
 * is attached by a BPF link of type perf_event when the kernel offers BPF_LINK_CREATE with
 * {@code BPF_PERF_EVENT} (5.15+), or else by the older {@code PERF_EVENT_IOC_SET_BPF} ioctl. Closing
 * closes the links, then the events; for tracepoints the kernel then waits an RCU grace period per event
 * (about 80 ms each on the 6.18 test machines), so many links are best closed from several threads.
 */
public final class PerfEventLink implements Link {
    private final List<OwnedFd> events;
    private final List<OwnedFd> links;
    private final String description;
    private final int id;
    private final AutoCloseable also;

    private PerfEventLink(List<OwnedFd> events, List<OwnedFd> links, String description, int id, AutoCloseable also) {
        this.events = events;
        this.links = links;
        this.description = description;
        this.id = id;
        this.also = also;
    }

    /**
     * Attaches {@code progFd} to every event in {@code eventFds} and enables them; takes ownership of the
     * event fds (closing them on failure too).
     *
     * @param also closed after the events (e.g. a semaphore hold), or null
     */
    static PerfEventLink attach(int progFd, List<Integer> eventFds, String description, AutoCloseable also) {
        return attach(progFd, eventFds, description, also, false);
    }

    /** As above; {@code ioctlOnly} skips BPF links and takes the pre-5.15 path (tested here on purpose). */
    static PerfEventLink attach(int progFd, List<Integer> eventFds, String description, AutoCloseable also,
                                boolean ioctlOnly) {
        List<OwnedFd> events = new ArrayList<>();
        for (int fd : eventFds) {
            events.add(new OwnedFd(fd, "perf event of " + description));
        }
        List<OwnedFd> links = new ArrayList<>();
        int firstId = 0;
        try {
            for (OwnedFd event : events) {
                int r = ioctlOnly ? -dev.bpf4j.kernel.sys.Errno.EINVAL
                        : LinkCalls.linkCreate(progFd, event.get(), Attach.PERF_EVENT, 0, 0, null);
                if (r >= 0) {
                    links.add(new OwnedFd(r, "link of " + description));
                    if (firstId == 0) {
                        firstId = new BpfLinkInfo(r).id();
                    }
                } else {
                    // Kernels before 5.15 have no perf-event links: attach with the ioctl instead.
                    int s = Native.ioctl(event.get(), LinkCalls.IOC_SET_BPF, progFd);
                    if (s < 0) {
                        throw new SyscallException("BPF_LINK_CREATE", -r, description
                                + " (and PERF_EVENT_IOC_SET_BPF: " + dev.bpf4j.kernel.sys.Errno.describe(-s) + ")");
                    }
                }
                int e = Native.ioctl(event.get(), LinkCalls.IOC_ENABLE, 0);
                if (e < 0) {
                    throw new SyscallException("PERF_EVENT_IOC_ENABLE", -e, description);
                }
            }
        } catch (RuntimeException e) {
            links.forEach(OwnedFd::close);
            events.forEach(OwnedFd::close);
            closeQuietly(also);
            throw e;
        }
        return new PerfEventLink(events, links, description, firstId, also);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Already failing; the first error matters.
            }
        }
    }

    /** The id of the first event's BPF link, or 0 when attached by ioctl. */
    @Override
    public int id() {
        return id;
    }

    /** How many perf events (one per CPU for sampling) carry the program. */
    public int eventCount() {
        return events.size();
    }

    /** Whether the events are attached through BPF links (false: the older ioctl). */
    public boolean usesBpfLinks() {
        return !links.isEmpty();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean isClosed() {
        return events.isEmpty() || events.getFirst().isClosed();
    }

    @Override
    public void close() {
        boolean first = false;
        for (OwnedFd l : links) {
            l.close();
        }
        for (OwnedFd e : events) {
            first |= e.release();
        }
        if (first) {
            closeQuietly(also);
        }
    }

    @Override
    public String toString() {
        return "PerfEventLink[" + description + ", " + events.size() + " event(s)" + (isClosed() ? ", closed]" : "]");
    }
}

package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.OwnedFd;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.Bpf;
import dev.bpf4j.kernel.sys.LinkCalls;
import dev.bpf4j.kernel.sys.Native;


/**
 * A kernel BPF link (from BPF_LINK_CREATE or BPF_RAW_TRACEPOINT_OPEN), owning its fd. The kernel gives
 * it an id, lets it be pinned so it outlives this process, and detaches the program when the last
 * reference goes; {@link #close()} drops this process's reference.
 */
public final class BpfLink implements Link {
    private final OwnedFd fd;
    private final String description;
    private final int id;
    private final int type;
    private final AutoCloseable also;

    BpfLink(int fd, String description) {
        this(fd, description, null);
    }

    /** A link that also closes {@code also} (e.g. a perf event it carries) after its own fd. */
    BpfLink(int fd, String description, AutoCloseable also) {
        this.fd = new OwnedFd(fd, description);
        this.description = description;
        this.also = also;
        BpfLinkInfo info = new BpfLinkInfo(fd);
        this.id = info.id();
        this.type = info.type();
    }

    /**
     * Creates a link with BPF_LINK_CREATE, turning a failure into an exception naming {@code description}.
     *
     * @throws SyscallException if the kernel refuses
     */
    static BpfLink create(int progFd, int target, int attachType, int flags, long extra, byte[] iterInfo,
                          String description) {
        int r = LinkCalls.linkCreate(progFd, target, attachType, flags, extra, iterInfo);
        if (r < 0) {
            throw new SyscallException("BPF_LINK_CREATE", -r, description);
        }
        return new BpfLink(r, description);
    }

    @Override
    public int id() {
        return id;
    }

    /** The kernel's link type ({@code enum bpf_link_type}: 1 raw tracepoint, 7 perf event, 8 kprobe multi...). */
    public int linkType() {
        return type;
    }

    /** The link fd (for BPF_ITER_CREATE or pinning). */
    public int fd() {
        return fd.get();
    }

    /** Pins the link in a bpffs so the attachment survives this process (see {@link BpfFs}). */
    public void pin(String path) {
        try {
            Bpf.objPin(fd(), path);
        } catch (SyscallException e) {
            throw new SyscallException(e.command(), e.errno(), description + " at " + path);
        }
    }

    /**
     * Detaches the program now although the link object stays (BPF_LINK_DETACH), for links that other
     * holders (pins, other processes) keep alive; not every link type supports it.
     */
    public void detach() {
        Native.check("BPF_LINK_DETACH", LinkCalls.linkDetach(fd()));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean isClosed() {
        return fd.isClosed();
    }

    @Override
    public void close() {
        if (fd.release() && also != null) {
            try {
                also.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + description, e);
            }
        }
    }

    @Override
    public String toString() {
        return "BpfLink[" + description + ", id " + id + (isClosed() ? ", closed]" : "]");
    }
}

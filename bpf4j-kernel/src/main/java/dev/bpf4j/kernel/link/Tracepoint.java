package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.LinkCalls;
import dev.bpf4j.kernel.sys.PerfEvent;

import java.util.List;

/**
 * Attaches a tracepoint program to a static kernel tracepoint ({@code category:name}, as listed by
 * {@link Tracefs#list}): the tracepoint's tracefs id opens a {@code PERF_TYPE_TRACEPOINT} perf event
 * (pid -1, CPU 0: once it carries a program, the program runs for every task on every CPU), which then
 * carries the program. The program's context is the tracepoint's record, laid out as
 * {@link Tracefs#format} describes.
 */
public final class Tracepoint {
    private Tracepoint() {
    }

    /**
     * Attaches {@code program} (type TRACEPOINT) to {@code category:name}.
     *
     * @throws IllegalArgumentException if the tracepoint does not exist or the program has another type
     * @throws SyscallException         if the kernel refuses the perf event or the attachment
     */
    public static PerfEventLink attach(BpfProgram program, String category, String name) {
        return attach(program, category, name, false);
    }

    /** As above; {@code ioctlOnly} forces the PERF_EVENT_IOC_SET_BPF path older kernels need. */
    static PerfEventLink attach(BpfProgram program, String category, String name, boolean ioctlOnly) {
        Attach.requireType(program, "a tracepoint", ProgramType.TRACEPOINT);
        int id = Tracefs.tracepointId(category, name);
        String what = "tracepoint " + category + ":" + name;
        byte[] attr = PerfEvent.attr(PerfEvent.TYPE_TRACEPOINT, id, 1, PerfEvent.FLAG_DISABLED);
        // pid -1 with cpu 0: a tracepoint event sees every task on every CPU once attached to a program.
        int fd = LinkCalls.openPerfEvent(attr, -1, 0);
        if (fd < 0) {
            throw new SyscallException("perf_event_open", -fd, what + " (id " + id + ")");
        }
        return PerfEventLink.attach(program.fd(), List.of(fd), what, null, ioctlOnly);
    }
}

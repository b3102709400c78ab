package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.Bpf;

/**
 * Attaches a raw tracepoint program (BPF_RAW_TRACEPOINT_OPEN): the program runs at the tracepoint with the
 * tracepoint's raw arguments ({@code struct bpf_raw_tracepoint_args}, an array of u64) instead of the
 * formatted record, which is cheaper than a perf-event tracepoint. Names are bare, without category:
 * {@code sys_enter}, {@code sched_switch}.
 */
public final class RawTracepoint {
    private RawTracepoint() {
    }

    /**
     * Attaches {@code program} (type RAW_TRACEPOINT or RAW_TRACEPOINT_WRITABLE) to tracepoint {@code name}.
     *
     * @throws SyscallException e.g. ENOENT when the kernel has no tracepoint of that name
     */
    public static BpfLink attach(BpfProgram program, String name) {
        Attach.requireType(program, "a raw tracepoint", ProgramType.RAW_TRACEPOINT, ProgramType.RAW_TRACEPOINT_WRITABLE);
        String what = "raw tracepoint " + name;
        try {
            return new BpfLink(Bpf.rawTracepointOpen(name, program.fd()), what);
        } catch (SyscallException e) {
            throw new SyscallException(e.command(), e.errno(), what + (e.errno() == 2 ? " (no such tracepoint)" : ""));
        }
    }
}

package dev.bpf4j.kernel.link;

import dev.bpf4j.btf.BtfKind;
import dev.bpf4j.isa.Program;
import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.Bpf;

/**
 * BTF-typed raw tracepoints ({@code tp_btf}): tracing programs whose arguments the verifier knows by type,
 * so they may dereference kernel pointers directly. The target is fixed at load time by the BTF id of the
 * typedef {@code btf_trace_<name>} in the kernel's BTF; {@link #spec} fills it in, {@link #attach} opens
 * the attachment.
 */
public final class TpBtf {
    private TpBtf() {
    }

    /** The BTF id of {@code btf_trace_<tracepoint>} in the running kernel's BTF. */
    public static int btfId(String tracepoint) {
        return Vmlinux.id(BtfKind.TYPEDEF, "btf_trace_" + tracepoint, "the tp_btf target for tracepoint " + tracepoint);
    }

    /** A TRACING program spec with expected attach type TRACE_RAW_TP aimed at {@code tracepoint}. */
    public static ProgramSpec spec(String name, String tracepoint, Program program) {
        return ProgramSpec.of(name, ProgramType.TRACING, program)
                .withExpectedAttachType(AttachType.TRACE_RAW_TP).withAttachBtfId(btfId(tracepoint));
    }

    /** Attaches a tp_btf program loaded from a {@link #spec} to the tracepoint chosen at load time. */
    public static BpfLink attach(BpfProgram program) {
        Attach.requireType(program, "tp_btf", ProgramType.TRACING);
        String what = "tp_btf program " + program.name();
        try {
            return new BpfLink(Bpf.rawTracepointOpen(null, program.fd()), what);
        } catch (SyscallException e) {
            throw new SyscallException(e.command(), e.errno(), what);
        }
    }
}

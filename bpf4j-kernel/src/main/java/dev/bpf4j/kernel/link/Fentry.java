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
 * fentry and fexit: tracing programs entered through a BPF trampoline at the start or return of a kernel
 * function, named at load time by the function's BTF id. Loading them needs trampoline support; the 6.18
 * test machines refuse the load itself with EPERM, which {@link BpfProgram#load} reports as a
 * {@link dev.bpf4j.kernel.NotSupportedException} ("fentry programs not supported: ...").
 */
public final class Fentry {
    private Fentry() {
    }

    /** The BTF id of kernel function {@code function}. */
    public static int btfId(String function) {
        return Vmlinux.id(BtfKind.FUNC, function, "the fentry/fexit target");
    }

    /** A TRACING spec for an fentry ({@code exit} false) or fexit program on {@code function}. */
    public static ProgramSpec spec(String name, String function, boolean exit, Program program) {
        return ProgramSpec.of(name, ProgramType.TRACING, program)
                .withExpectedAttachType(exit ? AttachType.TRACE_FEXIT : AttachType.TRACE_FENTRY)
                .withAttachBtfId(btfId(function));
    }

    /** Attaches a loaded fentry/fexit program to the function chosen at load time. */
    public static BpfLink attach(BpfProgram program) {
        Attach.requireType(program, "fentry/fexit", ProgramType.TRACING);
        String what = "fentry/fexit program " + program.name();
        try {
            return new BpfLink(Bpf.rawTracepointOpen(null, program.fd()), what);
        } catch (SyscallException e) {
            throw new SyscallException(e.command(), e.errno(), what);
        }
    }
}

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
 * BPF LSM programs: security hooks ({@code file_open}, {@code bprm_check_security}, ...) whose return
 * value can deny an operation. The target is the BTF id of {@code bpf_lsm_<hook>}; the kernel needs
 * CONFIG_BPF_LSM with "bpf" in its LSM list and trampolines. The 6.18 test machines refuse the load with
 * EPERM, reported by {@link BpfProgram#load} as a {@link dev.bpf4j.kernel.NotSupportedException}.
 */
public final class Lsm {
    private Lsm() {
    }

    /** The BTF id of {@code bpf_lsm_<hook>}. */
    public static int btfId(String hook) {
        return Vmlinux.id(BtfKind.FUNC, "bpf_lsm_" + hook, "the LSM hook " + hook);
    }

    /** An LSM spec for {@code hook}. */
    public static ProgramSpec spec(String name, String hook, Program program) {
        return ProgramSpec.of(name, ProgramType.LSM, program)
                .withExpectedAttachType(AttachType.LSM_MAC).withAttachBtfId(btfId(hook));
    }

    /** Attaches a loaded LSM program to the hook chosen at load time. */
    public static BpfLink attach(BpfProgram program) {
        Attach.requireType(program, "an LSM hook", ProgramType.LSM);
        String what = "LSM program " + program.name();
        try {
            return new BpfLink(Bpf.rawTracepointOpen(null, program.fd()), what);
        } catch (SyscallException e) {
            throw new SyscallException(e.command(), e.errno(), what);
        }
    }
}

package dev.bpf4j.kernel;

import dev.bpf4j.isa.Program;

import java.util.Objects;

/**
 * The immutable blueprint of a program: everything BPF_PROG_LOAD needs apart from live objects. Map
 * references stay symbolic (an {@code lddw} naming a map) until {@link BpfProgram#load} binds them to live
 * maps, so a spec can be built, compared and tested on any machine.
 *
 * @param name               the program's name (the kernel keeps at most 15 characters of {@code [A-Za-z0-9_.]})
 * @param type               the program type
 * @param expectedAttachType the attach type the verifier should assume, or null; required by some types
 *                           (cgroup_sock_addr, tracing, lsm)
 * @param program            the instructions
 * @param license            the license string; GPL-only helpers need a GPL-compatible one
 * @param attachBtfId        for tracing, lsm and ext programs: the BTF id of the target; 0 otherwise
 * @param flags              {@code BPF_F_*} program load flags, see the constants
 */
public record ProgramSpec(String name, ProgramType type, AttachType expectedAttachType, Program program,
                          String license, int attachBtfId, int flags) {
    /** {@code BPF_F_STRICT_ALIGNMENT}: verify as if the CPU required aligned accesses. */
    public static final int F_STRICT_ALIGNMENT = 1;
    /** {@code BPF_F_SLEEPABLE}: the program may sleep; syscall programs must be. */
    public static final int F_SLEEPABLE = 1 << 4;

    /** Checks nothing is missing. */
    public ProgramSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(license, "license");
    }

    /** A GPL-licensed program of {@code type} with no attach type, target or flags. */
    public static ProgramSpec of(String name, ProgramType type, Program program) {
        return new ProgramSpec(name, type, null, program, "GPL", 0, 0);
    }

    /** This spec with {@code attachType} as the expected attach type. */
    public ProgramSpec withExpectedAttachType(AttachType attachType) {
        return new ProgramSpec(name, type, attachType, program, license, attachBtfId, flags);
    }

    /** This spec attaching to the kernel object with BTF id {@code btfId}. */
    public ProgramSpec withAttachBtfId(int btfId) {
        return new ProgramSpec(name, type, expectedAttachType, program, license, btfId, flags);
    }

    /** This spec with {@code license}. */
    public ProgramSpec withLicense(String license) {
        return new ProgramSpec(name, type, expectedAttachType, program, license, attachBtfId, flags);
    }

    /** This spec with {@code flags} replacing the load flags. */
    public ProgramSpec withFlags(int flags) {
        return new ProgramSpec(name, type, expectedAttachType, program, license, attachBtfId, flags);
    }

    /**
     * The flags BPF_PROG_LOAD receives: the spec's, plus {@link #F_SLEEPABLE} for syscall programs, which
     * the kernel accepts only as sleepable.
     */
    public int effectiveFlags() {
        return type == ProgramType.SYSCALL ? flags | F_SLEEPABLE : flags;
    }
}

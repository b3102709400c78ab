package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.ProgramType;

/** Attach-type values ({@code enum bpf_attach_type}) and checks shared by the attach classes. */
final class Attach {
    static final int PERF_EVENT = 41;

    private Attach() {
    }

    /** Throws if {@code program} is not of one of {@code types}, naming the attach kind. */
    static void requireType(BpfProgram program, String kind, ProgramType... types) {
        for (ProgramType t : types) {
            if (program.type() == t) {
                return;
            }
        }
        throw new IllegalArgumentException(kind + " needs a program of type " + java.util.Arrays.toString(types)
                + ", but " + program.name() + " is " + program.type());
    }
}

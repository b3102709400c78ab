package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.ProgramType;

/**
 * TC programs through tcx links (Linux 6.6+): a SCHED_CLS program on an interface's ingress or egress,
 * without qdiscs or filters; several links stack in order. The program returns TCX_NEXT (-1) to let the
 * next one decide, TCX_PASS (0) or TCX_DROP (2).
 */
public final class Tcx {
    /** {@code TCX_NEXT}. */
    public static final int NEXT = -1;
    /** {@code TCX_PASS}. */
    public static final int PASS = 0;
    /** {@code TCX_DROP}. */
    public static final int DROP = 2;

    /** Which direction of traffic. */
    public enum Direction {
        /** Packets the interface receives. */
        INGRESS(AttachType.TCX_INGRESS),
        /** Packets the interface sends. */
        EGRESS(AttachType.TCX_EGRESS);

        private final AttachType attachType;

        Direction(AttachType attachType) {
            this.attachType = attachType;
        }

        /** The kernel attach type. */
        public AttachType attachType() {
            return attachType;
        }
    }

    private Tcx() {
    }

    /** Attaches to the interface called {@code ifname}. */
    public static BpfLink attach(BpfProgram program, String ifname, Direction direction) {
        return attach(program, Interfaces.index(ifname), direction);
    }

    /** Attaches {@code program} (type SCHED_CLS) at {@code direction} of interface {@code ifindex}. */
    public static BpfLink attach(BpfProgram program, int ifindex, Direction direction) {
        Attach.requireType(program, "tcx", ProgramType.SCHED_CLS);
        return BpfLink.create(program.fd(), ifindex, direction.attachType().value(), 0, 0, null,
                "tcx " + direction.name().toLowerCase() + " on " + Interfaces.describe(ifindex));
    }
}

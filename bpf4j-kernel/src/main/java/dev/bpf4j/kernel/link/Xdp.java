package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.ProgramType;

/**
 * XDP: a program run on each packet an interface receives, before the kernel allocates a socket buffer;
 * it returns XDP_PASS, XDP_DROP, XDP_TX or XDP_REDIRECT. Attached as a BPF link on an interface index.
 * Generic mode works on any interface (lo, veth); native mode needs driver support.
 */
public final class Xdp {
    /** {@code XDP_ABORTED}. */
    public static final int ABORTED = 0;
    /** {@code XDP_DROP}. */
    public static final int DROP = 1;
    /** {@code XDP_PASS}. */
    public static final int PASS = 2;

    /** Where the program runs. */
    public enum Mode {
        /** Let the kernel choose (native if the driver supports it, else generic). */
        DEFAULT(0),
        /** {@code XDP_FLAGS_SKB_MODE}: generic, after the socket buffer exists; works everywhere. */
        GENERIC(1 << 1),
        /** {@code XDP_FLAGS_DRV_MODE}: in the driver. */
        NATIVE(1 << 2),
        /** {@code XDP_FLAGS_HW_MODE}: offloaded to the NIC. */
        OFFLOAD(1 << 3);

        private final int flag;

        Mode(int flag) {
            this.flag = flag;
        }

        /** The {@code XDP_FLAGS_*} value. */
        public int flag() {
            return flag;
        }
    }

    private Xdp() {
    }

    /** Attaches {@code program} (type XDP) to the interface called {@code ifname}. */
    public static BpfLink attach(BpfProgram program, String ifname, Mode mode) {
        return attach(program, Interfaces.index(ifname), mode);
    }

    /**
     * Attaches {@code program} (type XDP) to interface {@code ifindex}.
     *
     * @throws dev.bpf4j.kernel.SyscallException e.g. EBUSY when another XDP program holds the interface
     */
    public static BpfLink attach(BpfProgram program, int ifindex, Mode mode) {
        Attach.requireType(program, "XDP", ProgramType.XDP);
        return BpfLink.create(program.fd(), ifindex, AttachType.XDP.value(), mode.flag(), 0, null,
                "XDP (" + mode.name().toLowerCase() + ") on " + Interfaces.describe(ifindex));
    }
}

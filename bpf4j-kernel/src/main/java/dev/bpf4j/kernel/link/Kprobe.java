package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.NotSupportedException;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.LinkCalls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Kprobes and kretprobes: a probe on a kernel function (by name plus offset), as a perf event of the
 * {@code kprobe} PMU carrying a KPROBE program. On kernels built without CONFIG_KPROBES (the 6.18 test
 * machines) the PMU is absent and every attach fails with a {@link NotSupportedException} saying so.
 */
public final class Kprobe {
    static final String PMU = "/sys/bus/event_source/devices/kprobe";

    private Kprobe() {
    }

    /** Whether the kernel has the kprobe PMU. */
    public static boolean isSupported() {
        return Files.exists(Path.of(PMU, "type"));
    }

    /**
     * Attaches {@code program} to kernel function {@code function} at {@code offset} bytes into it, or to
     * its return when {@code retprobe}.
     *
     * @throws NotSupportedException when the kernel has no kprobes
     */
    public static PerfEventLink attach(BpfProgram program, String function, long offset, boolean retprobe) {
        String what = (retprobe ? "kretprobe " : "kprobe ") + function + (offset != 0 ? "+" + offset : "");
        if (!isSupported()) {
            throw new NotSupportedException(retprobe ? "kretprobes" : "kprobes",
                    "this kernel has no kprobe support (CONFIG_KPROBES is off: no " + PMU + ")");
        }
        Attach.requireType(program, "a kprobe", ProgramType.KPROBE);
        int type;
        int retBit;
        try {
            type = Integer.parseInt(Files.readString(Path.of(PMU, "type")).trim());
            String f = Files.readString(Path.of(PMU, "format", "retprobe")).trim();
            retBit = Integer.parseInt(f.substring(f.indexOf(':') + 1));
        } catch (IOException e) {
            throw new NotSupportedException("kprobes", "cannot read " + PMU + ": " + e.getMessage(), e);
        }
        int fd = LinkCalls.openProbe(type, retprobe ? 1L << retBit : 0, function, offset, -1, 0);
        if (fd < 0) {
            throw new SyscallException("perf_event_open", -fd, what);
        }
        return PerfEventLink.attach(program.fd(), List.of(fd), what, null);
    }
}

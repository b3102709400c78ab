package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.NotSupportedException;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.symbols.ElfSymbols;
import dev.bpf4j.kernel.sys.LinkCalls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Uprobes and uretprobes: a breakpoint at a file offset of an executable or library, in every process
 * that maps it (or in one pid). A function symbol is translated to its file offset through the ELF's
 * symbol tables and program headers ({@link ElfSymbols}). The probe is a perf event of the {@code uprobe}
 * PMU, whose type and retprobe bit the kernel publishes under {@code /sys/bus/event_source/devices/uprobe}.
 * Programs are of type KPROBE (the kprobe program type serves both).
 */
public final class Uprobe {
    static final String PMU = "/sys/bus/event_source/devices/uprobe";

    private Uprobe() {
    }

    /** Where and how to probe. {@code pid} -1 means every process; {@code refCtrOffset} 0 means no semaphore. */
    public record Target(String path, long offset, boolean retprobe, int pid, long refCtrOffset) {
    }

    /**
     * Attaches {@code program} to function {@code symbol} of the binary at {@code path}.
     *
     * @param pid a process id, or -1 for all processes
     * @throws IllegalArgumentException if the binary has no such function
     */
    public static PerfEventLink attach(BpfProgram program, String path, String symbol, boolean retprobe, int pid) {
        long offset = ElfSymbols.read(path).offsetOf(symbol);
        return attach(program, List.of(new Target(path, offset, retprobe, pid, 0)),
                (retprobe ? "uretprobe " : "uprobe ") + path + ":" + symbol);
    }

    /** Attaches {@code program} at file offset {@code offset} of {@code path}. */
    public static PerfEventLink attachOffset(BpfProgram program, String path, long offset, boolean retprobe, int pid) {
        return attach(program, List.of(new Target(path, offset, retprobe, pid, 0)),
                (retprobe ? "uretprobe " : "uprobe ") + path + ":0x" + Long.toHexString(offset));
    }

    /** Attaches {@code program} at every target, as one link (USDT probes with several sites use this). */
    public static PerfEventLink attach(BpfProgram program, List<Target> targets, String description) {
        Attach.requireType(program, "a uprobe", ProgramType.KPROBE);
        int type = pmuType();
        List<Integer> fds = new ArrayList<>();
        try {
            for (Target t : targets) {
                long config = (t.retprobe() ? 1L << formatBit("retprobe") : 0)
                        | t.refCtrOffset() << formatBit("ref_ctr_offset");
                int fd = LinkCalls.openProbe(type, config, t.path(), t.offset(), t.pid(), t.pid() < 0 ? 0 : -1);
                if (fd < 0) {
                    throw new SyscallException("perf_event_open", -fd, description + " (uprobe at " + t.path()
                            + "+0x" + Long.toHexString(t.offset()) + ")");
                }
                fds.add(fd);
            }
        } catch (RuntimeException e) {
            fds.forEach(dev.bpf4j.kernel.sys.Native::close);
            throw e;
        }
        return PerfEventLink.attach(program.fd(), fds, description, null);
    }

    /** The uprobe PMU's dynamic perf type. */
    static int pmuType() {
        return Integer.parseInt(read(PMU + "/type", "uprobes"));
    }

    /** The first bit of a {@code config:N} or {@code config:N-M} format entry. */
    static int formatBit(String entry) {
        String f = read(PMU + "/format/" + entry, "uprobes");
        String bits = f.substring(f.indexOf(':') + 1);
        int dash = bits.indexOf('-');
        return Integer.parseInt(dash < 0 ? bits : bits.substring(0, dash));
    }

    private static String read(String file, String feature) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new NotSupportedException(feature, "this kernel has no " + Path.of(file).getParent()
                    + " (CONFIG_UPROBE_EVENTS is off?): cannot read " + file, e);
        }
    }
}

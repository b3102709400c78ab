package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.symbols.ElfSymbols;
import dev.bpf4j.kernel.symbols.UsdtProbe;

import java.util.ArrayList;
import java.util.List;

/**
 * USDT probes: static user-space tracepoints compiled into a binary ({@code <sys/sdt.h>}, HotSpot's
 * {@code hotspot:*} probes). Each site of a probe becomes a uprobe at its file offset; a probe with a
 * semaphore (a counter the binary checks before preparing costly arguments) is attached with the uprobe
 * reference-counter offset, so the kernel increments the semaphore in every probed process while the
 * link lives and decrements it when the link closes.
 */
public final class Usdt {
    private Usdt() {
    }

    /** The probes of the binary at {@code path} (see {@link UsdtProbe#read}). */
    public static List<UsdtProbe> probes(String path) {
        return UsdtProbe.read(ElfSymbols.read(path));
    }

    /**
     * Attaches {@code program} (type KPROBE) to every site of probe {@code provider:name} in {@code path}.
     *
     * @param pid a process id, or -1 for every process mapping the binary
     * @throws IllegalArgumentException if the binary has no such probe, listing a few it has
     */
    public static PerfEventLink attach(BpfProgram program, String path, String provider, String name, int pid) {
        List<UsdtProbe> all = probes(path);
        List<Uprobe.Target> targets = new ArrayList<>();
        for (UsdtProbe p : all) {
            if (p.provider().equals(provider) && p.name().equals(name)) {
                targets.add(new Uprobe.Target(path, p.fileOffset(), false, pid, p.semaphoreOffset()));
            }
        }
        if (targets.isEmpty()) {
            List<String> some = all.stream().map(UsdtProbe::fullName).distinct().limit(10).toList();
            throw new IllegalArgumentException(path + " has no USDT probe " + provider + ":" + name
                    + (all.isEmpty() ? " (it has no .note.stapsdt section)" : " (it has e.g. " + some + ")"));
        }
        return Uprobe.attach(program, targets, "usdt " + path + ":" + provider + ":" + name);
    }
}

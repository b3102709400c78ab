package dev.bpf4j.cli.kernel;

import dev.bpf4j.BpfException;
import dev.bpf4j.cli.CommonOptions;
import dev.bpf4j.cli.ExitCode;
import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.KernelObjects;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.SyscallException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bpf4j map}: the kernel's maps. */
@Command(name = "map", description = "Inspect the kernel's maps (needs root).",
        subcommands = {MapCommand.ListCommand.class, MapCommand.DumpCommand.class},
        footer = {"", "Examples:", "  bpf4j map list", "  bpf4j map dump 42", "  bpf4j map dump /sys/fs/bpf/counts"})
public final class MapCommand implements Runnable {
    @Mixin
    CommonOptions common;

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code bpf4j map list}: every map, as {@code bpftool map list} prints it. */
    @Command(name = "list", aliases = "show", description = "List every map, like bpftool map list.")
    public static final class ListCommand implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            return KernelAccess.run("list maps", System.err, () -> {
                StringBuilder out = new StringBuilder();
                for (int id : KernelObjects.mapIds()) {
                    try (BpfMap m = BpfMap.fromId(id)) {
                        out.append(KernelFormat.map(m.info()));
                    } catch (SyscallException e) {
                        if (e.errno() != 2) { // ENOENT: freed since it was listed
                            throw e;
                        }
                    }
                }
                System.out.print(out);
                return ExitCode.OK;
            });
        }
    }

    /** {@code bpf4j map dump ID|PIN}: every element's key and value in hex, like {@code bpftool map dump}. */
    @Command(name = "dump", description = "Print every key and value of a map in hex, like bpftool map dump.")
    public static final class DumpCommand implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID|PIN", description = "The map's id (see map list) or a path where it is pinned.")
        String map;

        @Override
        public Integer call() throws Exception {
            return KernelAccess.run("open map " + map, System.err, () -> {
                try (BpfMap m = open(map)) {
                    System.out.print(dump(m));
                }
                return ExitCode.OK;
            });
        }

        private static BpfMap open(String map) {
            boolean byId = !map.isEmpty() && map.chars().allMatch(Character::isDigit);
            try {
                return byId ? BpfMap.fromId(Integer.parseInt(map)) : BpfMap.openPinned(map);
            } catch (SyscallException e) {
                if (e.errno() == 2) { // ENOENT
                    throw new BpfException(byId ? "there is no map with id " + map : "nothing is pinned at " + map, e);
                }
                throw e;
            }
        }
    }

    /** The dump of {@code m}: its elements in key order as the kernel iterates them, then the count. */
    static String dump(BpfMap m) {
        if (m.type() == MapType.RINGBUF || m.type() == MapType.PERF_EVENT_ARRAY || m.type() == MapType.QUEUE
                || m.type() == MapType.STACK || m.type() == MapType.BLOOM_FILTER) {
            throw new BpfException("map " + m.name() + " (" + m.type() + ") has no keys to dump;"
                    + " read it with a reader or pop its values");
        }
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (byte[] key : m.keys()) {
            if (m.type().isPerCpu()) {
                Optional<List<byte[]>> values = m.lookupPerCpu(key);
                if (values.isPresent()) {
                    out.append(KernelFormat.perCpuElement(key, values.get()));
                    n++;
                }
            } else {
                Optional<byte[]> value = m.lookup(key);
                if (value.isPresent()) {
                    out.append(KernelFormat.element(key, value.get()));
                    n++;
                }
            }
        }
        return out.append(KernelFormat.found(n)).toString();
    }
}

package dev.bpf4j.cli.kernel;

import dev.bpf4j.cli.CommonOptions;
import dev.bpf4j.cli.ExitCode;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.KernelObjects;
import dev.bpf4j.kernel.ProgramInfo;
import dev.bpf4j.kernel.SyscallException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bpf4j prog}: the kernel's loaded programs. */
@Command(name = "prog", description = "Inspect the programs loaded in the kernel (needs root).",
        subcommands = {ProgCommand.ListCommand.class},
        footer = {"", "Examples:", "  bpf4j prog list"})
public final class ProgCommand implements Runnable {
    @Mixin
    CommonOptions common;

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code bpf4j prog list}: every loaded program, as {@code bpftool prog list} prints it. */
    @Command(name = "list", aliases = "show", description = "List every loaded program, like bpftool prog list.")
    public static final class ListCommand implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            return KernelAccess.run("list programs", System.err, () -> {
                long uptimeNs = uptimeNs();
                Instant now = Instant.now();
                StringBuilder out = new StringBuilder();
                for (int id : KernelObjects.programIds()) {
                    try (BpfProgram p = BpfProgram.fromId(id)) {
                        ProgramInfo info = p.info();
                        Instant loadedAt = uptimeNs < 0 ? null : now.minus(Duration.ofNanos(uptimeNs - info.loadTimeNs()));
                        List<Integer> maps = info.mapCount() == 0 ? List.of() : p.mapIds();
                        out.append(KernelFormat.program(info, loadedAt, maps));
                    } catch (SyscallException e) {
                        if (e.errno() != 2) { // ENOENT: unloaded since it was listed
                            throw e;
                        }
                    }
                }
                System.out.print(out);
                return ExitCode.OK;
            });
        }
    }

    /** CLOCK_BOOTTIME now, in ns, from /proc/uptime (-1 if unreadable). */
    static long uptimeNs() {
        try {
            String first = Files.readString(Path.of("/proc/uptime")).strip().split("\\s+")[0];
            return (long) (Double.parseDouble(first) * 1e9);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

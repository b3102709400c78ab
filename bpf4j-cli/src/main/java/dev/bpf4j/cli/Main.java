package dev.bpf4j.cli;

import dev.bpf4j.BpfException;
import dev.bpf4j.cli.kernel.MapCommand;
import dev.bpf4j.cli.kernel.ProgCommand;
import dev.bpf4j.cli.vm.AotTrainingCommand;
import dev.bpf4j.cli.vm.AsmCommand;
import dev.bpf4j.cli.vm.ConformanceCommand;
import dev.bpf4j.cli.vm.DisasmCommand;
import dev.bpf4j.cli.vm.ExecCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Entry point of the {@code bpf4j} command. Errors reach the user as one line, {@code bpf4j: message},
 * with an exit code from {@link ExitCode}; {@code --stacktrace} shows the rest.
 */
@Command(name = "bpf4j", mixinStandardHelpOptions = true, version = "bpf4j 0.1.0",
        description = "The eBPF system in pure Java: assemble, disassemble and run eBPF programs.",
        subcommands = {AsmCommand.class, DisasmCommand.class, ExecCommand.class, ConformanceCommand.class,
            AotTrainingCommand.class, ProgCommand.class, MapCommand.class},
        footer = {"", "Examples:",
            "  bpf4j asm prog.s -o prog.bin",
            "  bpf4j disasm prog.bin --syntax ubpf",
            "  bpf4j exec prog.s --mem '01 02 03 04'",
            "  bpf4j exec ../shared/bench/sieve.bin --mem-file ../shared/bench/sieve.mem --repeat 10 --time",
            "  bpf4j conformance ../shared/conformance/tests",
            "  bpf4j conformance --engine kernel ../shared/conformance/tests",
            "  bpf4j prog list",
            "  bpf4j map dump 42"})
public final class Main implements Runnable {
    @Mixin
    CommonOptions common;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and the AOT training run). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("bpf4j: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean stack = parsed.hasMatchedOption("--stacktrace")
                || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--stacktrace"));
        PrintWriter err = cmd.getErr();
        if (stack) {
            ex.printStackTrace(err);
        }
        if (ex instanceof BpfException || ex instanceof java.io.IOException) {
            err.println("bpf4j: " + message(ex));
            return ex instanceof BpfException b && isRuntimeFault(b) ? ExitCode.FAILED : ExitCode.USAGE;
        }
        if (!stack) {
            err.println("bpf4j: internal error: " + ex + " (this is a bug; run again with --stacktrace and report it)");
        }
        return ExitCode.INTERNAL;
    }

    private static boolean isRuntimeFault(BpfException ex) {
        return ex.getClass().getPackageName().startsWith("dev.bpf4j.vm");
    }

    private static String message(Exception ex) {
        if (ex instanceof java.nio.file.NoSuchFileException nf) {
            return nf.getFile() + ": no such file";
        }
        if (ex instanceof java.nio.file.AccessDeniedException ad) {
            return ad.getFile() + ": permission denied";
        }
        return ex.getMessage();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}

package dev.bpf4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code bpf4j} command. */
@Command(name = "bpf4j", mixinStandardHelpOptions = true, version = "bpf4j 0.1.0",
        description = "The eBPF system in pure Java.")
public final class Main implements Runnable {
    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}

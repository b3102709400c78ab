package dev.bpf4j.cli;

import picocli.CommandLine.Option;

/** Options every command takes (as a mixin): how much to say and whether to show stack traces. */
public final class CommonOptions {
    @Option(names = "--stacktrace",
            description = "On error, print the full stack trace, not just the one-line message.")
    public boolean stacktrace;

    @Option(names = {"-v", "--verbose"}, description = "Say more (conformance: list passing tests too).")
    public boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Say only what was asked for.")
    public boolean quiet;
}

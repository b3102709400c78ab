package dev.bpf4j.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command inherits: how much to say and whether to show stack traces. */
public final class CommonOptions {
    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "On error, print the full stack trace, not just the one-line message.")
    boolean stacktrace;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Say more.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Say only what was asked for.")
    boolean quiet;
}

package dev.bpf4j.cli;

/** The exit codes of every bpf4j command, one meaning each. */
public final class ExitCode {
    private ExitCode() {
    }

    /** Everything worked. */
    public static final int OK = 0;
    /** The command ran and found failures (a failing conformance test, a program that faulted). */
    public static final int FAILED = 1;
    /** Bad command line or bad input (malformed program, file, expression). */
    public static final int USAGE = 2;
    /** The kernel refused for lack of privilege (sysexits' EX_NOPERM): needs root or a capability. */
    public static final int NO_PERMISSION = 77;
    /** A bug in bpf4j: an exception that is not one of its own errors. */
    public static final int INTERNAL = 70;
}

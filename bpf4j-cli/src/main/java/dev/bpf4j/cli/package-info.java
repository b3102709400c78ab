/**
 * The {@code bpf4j} command line: one picocli {@code Callable<Integer>} per command, one-line errors with
 * named exit codes, and {@code --stacktrace} for the whole story.
 */
package dev.bpf4j.cli;

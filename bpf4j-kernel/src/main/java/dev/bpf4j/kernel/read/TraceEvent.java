package dev.bpf4j.kernel.read;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the kernel's trace buffer as {@code /sys/kernel/tracing/trace_pipe} prints it, split into
 * the fields BCC's {@code trace_fields()} returns. A line looks like
 * {@code "            java-4242    [003] d..31  1234.567890: bpf_trace_printk: hello"}: the task's
 * command (which may itself contain dashes and spaces), its pid, optionally its tgid in parentheses, the
 * CPU in brackets, the flags (irqs-off, need-resched, hard/softirq, preempt depth...), the timestamp in
 * seconds, the event's name and the message.
 *
 * @param task      the command name of the task that was running
 * @param pid       its (thread) id
 * @param cpu       the CPU
 * @param flags     the latency flags column (empty if the kernel printed none)
 * @param timestamp seconds since boot (the trace clock)
 * @param message   the text after the event name, without the trailing newline
 */
public record TraceEvent(String task, int pid, int cpu, String flags, double timestamp, String message) {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.*)-(\\d+)\\s+(?:\\(\\s*[-\\d]+\\)\\s+)?\\[(\\d+)\\]\\s+(?:(\\S+)\\s+)?(\\d+\\.\\d+):\\s+[^:]*:\\s?(.*)$");

    /**
     * Parses one trace_pipe line; empty for lines that are not events, such as the
     * {@code "CPU:3 [LOST 12 EVENTS]"} notices the kernel writes when the buffer overflowed.
     */
    public static Optional<TraceEvent> parse(String line) {
        String l = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (l.startsWith("CPU:")) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(l);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TraceEvent(m.group(1).strip(), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4),
                    Double.parseDouble(m.group(5)), m.group(6)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

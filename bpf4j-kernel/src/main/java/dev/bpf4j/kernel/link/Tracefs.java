package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.NotSupportedException;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.Native;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kernel's tracing filesystem, where each tracepoint has a directory {@code events/<category>/<name>}
 * holding its numeric id (what perf_event_open needs) and its record format. Tracefs is found through
 * {@code /proc/mounts} and mounted at {@code /sys/kernel/tracing} when absent (it is not mounted by
 * default on the 6.18 test machines).
 */
public final class Tracefs {
    /** The standard mount point. */
    public static final String DEFAULT_MOUNT = "/sys/kernel/tracing";

    private static volatile Path root;

    private Tracefs() {
    }

    /**
     * The tracefs root, mounting it at {@link #DEFAULT_MOUNT} if no tracefs is mounted (also accepting the
     * legacy {@code /sys/kernel/debug/tracing} under a mounted debugfs).
     *
     * @throws SyscallException if mounting fails (needs CAP_SYS_ADMIN)
     */
    public static Path root() {
        Path r = root;
        if (r != null) {
            return r;
        }
        synchronized (Tracefs.class) {
            if (root == null) {
                root = findOrMount();
            }
            return root;
        }
    }

    private static Path findOrMount() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length >= 3 && f[2].equals("tracefs")) {
                    return Path.of(f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/mounts", e);
        }
        Path legacy = Path.of("/sys/kernel/debug/tracing/events");
        if (Files.isDirectory(legacy)) {
            return legacy.getParent();
        }
        if (!Files.isDirectory(Path.of(DEFAULT_MOUNT))) {
            throw new NotSupportedException("tracefs", "this kernel has no " + DEFAULT_MOUNT
                    + " directory (CONFIG_TRACING is off)");
        }
        int r = Native.mount("tracefs", DEFAULT_MOUNT, "tracefs", 0);
        if (r < 0) {
            throw new SyscallException("mount", -r, "tracefs at " + DEFAULT_MOUNT);
        }
        return Path.of(DEFAULT_MOUNT);
    }

    /**
     * The id of tracepoint {@code category:name} (from {@code events/<category>/<name>/id}).
     *
     * @throws IllegalArgumentException if there is no such tracepoint, naming the file looked for
     */
    public static int tracepointId(String category, String name) {
        Path file = root().resolve("events").resolve(category).resolve(name).resolve("id");
        try {
            return Integer.parseInt(Files.readString(file).trim());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no tracepoint " + category + ":" + name + " (" + file + " does not exist)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The record format of a tracepoint ({@code events/<category>/<name>/format}), as the kernel prints it. */
    public static String format(String category, String name) {
        Path file = root().resolve("events").resolve(category).resolve(name).resolve("format");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("no tracepoint " + category + ":" + name + " (cannot read " + file + ")", e);
        }
    }

    /** A tracepoint's full name. */
    public record TracepointName(String category, String name) {
        @Override
        public String toString() {
            return category + ":" + name;
        }
    }

    /**
     * The tracepoints matching {@code pattern}, {@code category:name} where each part may use shell
     * wildcards ({@code *}, {@code ?}), e.g. {@code syscalls:sys_enter_*}; sorted. A pattern without a
     * colon matches names in every category.
     */
    public static List<TracepointName> list(String pattern) {
        int colon = pattern.indexOf(':');
        Pattern cat = glob(colon < 0 ? "*" : pattern.substring(0, colon));
        Pattern nam = glob(colon < 0 ? pattern : pattern.substring(colon + 1));
        Path events = root().resolve("events");
        List<TracepointName> out = new ArrayList<>();
        try (Stream<Path> cats = Files.list(events)) {
            for (Path c : cats.sorted().toList()) {
                String cn = c.getFileName().toString();
                if (!Files.isDirectory(c) || !cat.matcher(cn).matches()) {
                    continue;
                }
                try (Stream<Path> names = Files.list(c)) {
                    for (Path n : names.sorted().toList()) {
                        String nn = n.getFileName().toString();
                        if (nam.matcher(nn).matches() && Files.exists(n.resolve("id"))) {
                            out.add(new TracepointName(cn, nn));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + events, e);
        }
        return out;
    }

    /** A regular expression for a shell wildcard pattern ({@code *} any run, {@code ?} one character). */
    static Pattern glob(String wildcard) {
        StringBuilder re = new StringBuilder();
        for (char c : wildcard.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}

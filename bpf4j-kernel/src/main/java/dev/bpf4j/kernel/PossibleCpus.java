package dev.bpf4j.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The number of possible CPUs, which is how many values a per-CPU map element holds (not the online
 * count: the kernel sizes per-CPU storage for every CPU that could ever come online).
 */
public final class PossibleCpus {
    private static volatile int count;

    private PossibleCpus() {
    }

    /** The count from {@code /sys/devices/system/cpu/possible}, read once. */
    public static int count() {
        int c = count;
        if (c == 0) {
            try {
                c = parse(Files.readString(Path.of("/sys/devices/system/cpu/possible")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read /sys/devices/system/cpu/possible", e);
            }
            count = c;
        }
        return c;
    }

    /**
     * The number of CPUs in a kernel CPU list like {@code "0-3,5,7-8"}: the highest CPU number plus one,
     * since per-CPU values are indexed by CPU number.
     */
    public static int parse(String list) {
        int max = -1;
        for (String part : list.strip().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            int last = Integer.parseInt(dash < 0 ? part : part.substring(dash + 1));
            max = Math.max(max, last);
        }
        if (max < 0) {
            throw new IllegalArgumentException("empty CPU list '" + list + "'");
        }
        return max + 1;
    }
}

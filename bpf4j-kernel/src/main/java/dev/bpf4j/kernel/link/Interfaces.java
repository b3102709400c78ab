package dev.bpf4j.kernel.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Network interface names and indexes, from {@code /sys/class/net} of the caller's network namespace. */
public final class Interfaces {
    private Interfaces() {
    }

    /**
     * The index of interface {@code name}.
     *
     * @throws IllegalArgumentException if there is no such interface
     */
    public static int index(String name) {
        Path file = Path.of("/sys/class/net", name, "ifindex");
        try {
            return Integer.parseInt(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("no network interface " + name + " (cannot read " + file + ")", e);
        }
    }

    static String describe(int ifindex) {
        try (var s = Files.list(Path.of("/sys/class/net"))) {
            for (Path p : s.toList()) {
                try {
                    if (Integer.parseInt(Files.readString(p.resolve("ifindex")).trim()) == ifindex) {
                        return p.getFileName() + " (ifindex " + ifindex + ")";
                    }
                } catch (IOException | NumberFormatException ignored) {
                    // Not an interface directory.
                }
            }
        } catch (IOException ignored) {
            // Fall through to the bare index.
        }
        return "ifindex " + ifindex;
    }
}

package dev.bpf4j.cli;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CLI's kernel tests run as root only; elsewhere they skip with the reason, unless
 * {@code BPF4J_REQUIRE_KERNEL=1}, which turns the skip into a failure (as in bpf4j-kernel's tests).
 */
public final class KernelAvailable {
    private KernelAvailable() {
    }

    /** Skips (or fails, when the kernel is required) the calling test unless it runs as root on Linux. */
    public static void assume() {
        String why = whyNot();
        if (why == null) {
            return;
        }
        if ("1".equals(System.getenv("BPF4J_REQUIRE_KERNEL"))) {
            throw new AssertionError("BPF4J_REQUIRE_KERNEL=1 but " + why);
        }
        Assumptions.abort(why);
    }

    private static String whyNot() {
        if (!System.getProperty("os.name").equals("Linux")) {
            return "kernel tests need Linux";
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:") && !line.split("\\s+")[2].equals("0")) {
                    return "kernel tests need root";
                }
            }
        } catch (java.io.IOException e) {
            return "cannot read /proc/self/status: " + e.getMessage();
        }
        return null;
    }
}

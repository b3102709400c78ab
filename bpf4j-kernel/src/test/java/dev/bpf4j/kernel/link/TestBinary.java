package dev.bpf4j.kernel.link;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small C program compiled with gcc at test time: {@code bpf4j_target} is a uprobe target, and the loop
 * fires the USDT probe {@code bpf4j:tick} (with a semaphore) through {@code <sys/sdt.h>}. It prints how
 * many iterations saw the semaphore set.
 */
final class TestBinary {
    static final String SOURCE = """
            #define _SDT_HAS_SEMAPHORES 1
            #if __has_include(<sys/sdt.h>)
            #include <sys/sdt.h>
            #else
            #define STAP_PROBE2(p, n, a, b) do { } while (0)
            #endif
            #include <stdio.h>
            #include <stdlib.h>
            unsigned short bpf4j_tick_semaphore __attribute__((unused)) __attribute__((section(".probes")));
            __attribute__((noinline)) int bpf4j_target(int x) { __asm__ volatile(""); return x * 2; }
            int main(int argc, char **argv) {
                int n = argc > 1 ? atoi(argv[1]) : 1;
                if (argc > 2) { char line[8]; if (!fgets(line, sizeof line, stdin)) return 2; }
                long sum = 0;
                int enabled = 0;
                for (int i = 0; i < n; i++) {
                    sum += bpf4j_target(i);
                    if (__builtin_expect(bpf4j_tick_semaphore, 0)) enabled++;
                    STAP_PROBE2(bpf4j, tick, i, sum);
                }
                printf("%d\\n", enabled);
                return 0;
            }
            """;

    private TestBinary() {
    }

    /**
     * Compiles the program into {@code dir}. Without {@code <sys/sdt.h>} (package systemtap-sdt-dev) it
     * has no USDT probe; see {@link #requireSdtHeader}.
     */
    static Path compile(Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("probed.c");
        Path bin = dir.resolve("probed");
        Files.writeString(src, SOURCE);
        Process p = new ProcessBuilder("gcc", "-O1", "-o", bin.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("gcc failed: " + out);
        }
        return bin;
    }

    /**
     * Skips the calling test when {@code <sys/sdt.h>} is missing, or fails it when kernel tests are
     * required ({@code BPF4J_REQUIRE_KERNEL=1}, as in CI), so CI cannot silently lose the USDT test.
     */
    static void requireSdtHeader() {
        boolean present = Files.exists(Path.of("/usr/include/sys/sdt.h"))
                || Files.exists(Path.of("/usr/include/x86_64-linux-gnu/sys/sdt.h"))
                || Files.exists(Path.of("/usr/include/aarch64-linux-gnu/sys/sdt.h"));
        String why = "<sys/sdt.h> is missing: apt-get install -y systemtap-sdt-dev";
        if (!present && "1".equals(System.getenv("BPF4J_REQUIRE_KERNEL"))) {
            throw new IllegalStateException("BPF4J_REQUIRE_KERNEL=1 but " + why);
        }
        Assumptions.assumeTrue(present, why);
    }

    /** Starts the binary for {@code n} iterations, waiting for a line on stdin before it begins. */
    static Process startWaiting(Path bin, int n) throws IOException {
        return new ProcessBuilder(bin.toString(), Integer.toString(n), "wait").redirectErrorStream(true).start();
    }

    /** Lets a {@link #startWaiting} process run and waits for it to finish. */
    static void release(Process p) throws IOException, InterruptedException {
        p.getOutputStream().write('\n');
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("probed process failed");
        }
    }

    /** Runs the binary for {@code n} iterations; returns what it printed (iterations that saw the semaphore). */
    static int run(Path bin, int n) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bin.toString(), Integer.toString(n)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(bin + " failed: " + out);
        }
        return Integer.parseInt(out);
    }
}

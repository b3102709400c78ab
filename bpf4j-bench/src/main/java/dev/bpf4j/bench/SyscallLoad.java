package dev.bpf4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The load generator of {@link TracepointRingBufThroughput}: a small C program, compiled with gcc at run
 * time, that calls {@code syscall(SYS_getppid)} n times in a tight loop and prints the loop's nanoseconds.
 * It is C rather than Java so the syscall rate is the kernel's, not the JVM's, and it waits for a line on
 * stdin before the loop so its pid can be baked into the BPF filter before the first event.
 */
final class SyscallLoad {
    private static final String SOURCE = """
            #define _GNU_SOURCE
            #include <stdio.h>
            #include <stdlib.h>
            #include <time.h>
            #include <unistd.h>
            #include <sys/syscall.h>
            int main(int argc, char **argv) {
                long n = atol(argv[1]);
                char line[8];
                if (!fgets(line, sizeof line, stdin)) return 2;
                struct timespec a, b;
                clock_gettime(CLOCK_MONOTONIC, &a);
                for (long i = 0; i < n; i++) syscall(SYS_getppid);
                clock_gettime(CLOCK_MONOTONIC, &b);
                printf("%ld\\n", (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec));
                return 0;
            }
            """;

    private final Path binary;

    private SyscallLoad(Path binary) {
        this.binary = binary;
    }

    /** Compiles the generator into a fresh temporary directory. */
    static SyscallLoad compile() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bpf4j-load");
        Path src = dir.resolve("getppid_loop.c");
        Path bin = dir.resolve("getppid_loop");
        Files.writeString(src, SOURCE);
        Process p = new ProcessBuilder("gcc", "-O2", "-o", bin.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("gcc failed: " + out);
        }
        return new SyscallLoad(bin);
    }

    /** Starts a run of {@code n} calls; it waits for {@link Run#release()} before the loop. */
    Run start(long n) throws IOException {
        return new Run(new ProcessBuilder(binary.toString(), Long.toString(n)).start());
    }

    /** One started generator: its pid is known before any of its getppid calls. */
    static final class Run {
        private final Process process;

        private Run(Process process) {
            this.process = process;
        }

        /** The generator's tgid, the value the BPF program filters on. */
        long pid() {
            return process.pid();
        }

        /** Lets the loop begin. */
        void release() throws IOException {
            process.getOutputStream().write('\n');
            process.getOutputStream().close();
        }

        /** Waits for the loop to end; returns its nanoseconds as the generator measured them. */
        long awaitNanos() throws IOException, InterruptedException {
            String out = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("load generator failed: " + out);
            }
            return Long.parseLong(out);
        }
    }
}

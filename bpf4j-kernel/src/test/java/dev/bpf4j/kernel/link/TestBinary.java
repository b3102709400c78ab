package dev.bpf4j.kernel.link;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small C program compiled with gcc at test time: {@code bpf4j_target} is a uprobe target, and the loop
 * fires the USDT probe {@code bpf4j:tick} (with a semaphore), written as its own {@code .note.stapsdt} note
 * (see {@code probed.c}). It prints how many iterations saw the semaphore set.
 */
final class TestBinary {
    /** The C source, a test resource: it carries its own USDT note, so no {@code <sys/sdt.h>} is needed. */
    static String source() throws IOException {
        try (var in = TestBinary.class.getResourceAsStream("/link/probed.c")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private TestBinary() {
    }

    /** Compiles the program into {@code dir} with gcc. */
    static Path compile(Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("probed.c");
        Path bin = dir.resolve("probed");
        Files.writeString(src, source());
        Process p = new ProcessBuilder("gcc", "-O1", "-o", bin.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("gcc failed: " + out);
        }
        return bin;
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

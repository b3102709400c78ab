package dev.bpf4j.kernel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.kernel.KernelTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The README's example counts real openat calls: those of a thread of this JVM, which it names. */
@KernelTest
class OpenatTopTenTest {
    @Test
    void countsOpenatCallsOfANamedThread() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Path file = Files.createTempFile("openat", ".txt");
        Thread opener = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Files.readAllBytes(file);   // one openat each
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "bpf4j-opener");
        try {
            opener.start();
            Map<String, Long> top = OpenatTopTen.topTen(500);
            assertThat(top).hasSizeLessThanOrEqualTo(10).containsKey("bpf4j-opener");
            assertThat(top.get("bpf4j-opener")).isGreaterThan(10);
            assertThat(java.util.List.copyOf(top.values())).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        } finally {
            stop.set(true);
            opener.join();
            Files.deleteIfExists(file);
        }
    }
}

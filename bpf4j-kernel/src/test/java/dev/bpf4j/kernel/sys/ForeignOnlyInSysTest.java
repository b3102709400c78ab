package dev.bpf4j.kernel.sys;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture's rule that {@code dev.bpf4j.kernel.sys} is the only package using
 * {@code java.lang.foreign}: every other main source file of every module is checked, so a new reader or
 * command cannot quietly reach for native memory.
 */
class ForeignOnlyInSysTest {
    /** A use of the API (an import or a qualified type), not a mention in prose. */
    private static final Pattern FOREIGN_USE = Pattern.compile("java\\.lang\\.foreign\\.(\\*|[A-Z])");

    @Test
    void noMainSourceOutsideKernelSysUsesTheForeignApi() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        List<Path> modules;
        try (Stream<Path> s = Files.list(root)) {
            modules = s.filter(p -> p.getFileName().toString().startsWith("bpf4j-"))
                    .map(p -> p.resolve("src/main/java")).filter(Files::isDirectory).toList();
        }
        assertThat(modules).as("module source roots under " + root).hasSizeGreaterThanOrEqualTo(4);
        Path sys = Path.of("dev", "bpf4j", "kernel", "sys");
        List<String> offenders = modules.stream().flatMap(src -> javaFiles(src)
                        .filter(f -> !src.relativize(f).startsWith(sys))
                        .filter(ForeignOnlyInSysTest::usesForeign)
                        .map(f -> root.relativize(f).toString()))
                .toList();
        assertThat(offenders).isEmpty();
    }

    private static Stream<Path> javaFiles(Path src) {
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean usesForeign(Path file) {
        try {
            return FOREIGN_USE.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

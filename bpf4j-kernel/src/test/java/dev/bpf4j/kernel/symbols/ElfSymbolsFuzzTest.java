package dev.bpf4j.kernel.symbols;

import dev.bpf4j.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Corrupted binaries (a gcc-built program with a USDT note, bytes overwritten at random) give symbols and
 * probes or a clean FormatException, never an index error: users point uprobes at any file.
 */
class ElfSymbolsFuzzTest {
    private static byte[] binary;

    private static synchronized byte[] binary() throws IOException, InterruptedException {
        if (binary == null) {
            Path dir = Files.createTempDirectory("elf-fuzz");
            Path src = dir.resolve("probed.c");
            try (var in = ElfSymbolsFuzzTest.class.getResourceAsStream("/link/probed.c")) {
                Files.writeString(src, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            Path bin = dir.resolve("probed");
            Process p = new ProcessBuilder("gcc", "-O1", "-o", bin.toString(), src.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("gcc failed");
            }
            binary = Files.readAllBytes(bin);
        }
        return binary;
    }

    @Property(tries = 500)
    void corruptedBinariesReadOrFailCleanly(@ForAll("corrupted") byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".elf");
        try {
            Files.write(file, bytes);
            ElfSymbols symbols = ElfSymbols.read(file.toString());
            UsdtProbe.read(symbols);
        } catch (FormatException expected) {
            // the clean outcome for a broken file
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<byte[]> corrupted() throws IOException, InterruptedException {
        byte[] base = binary();
        return Arbitraries.integers().between(0, base.length - 1).list().ofMinSize(1).ofMaxSize(16)
                .flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size()).map(values -> {
                    byte[] copy = base.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        copy[positions.get(i)] = values[i];
                    }
                    return copy;
                }));
    }
}

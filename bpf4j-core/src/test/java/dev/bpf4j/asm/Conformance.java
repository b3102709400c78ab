package dev.bpf4j.asm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the shared conformance data: each test's asm section and the corpus bytes. */
final class Conformance {
    private Conformance() {
    }

    static Path shared() {
        String env = System.getenv("BPF4J_SHARED_DIR");
        return Path.of(env != null ? env : "../../shared").toAbsolutePath().normalize();
    }

    /** The {@code -- asm} section of a .data file, or null. */
    static String asmSection(Path file) {
        try {
            StringBuilder sb = null;
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("-- ")) {
                    if (sb != null) {
                        break;
                    }
                    if (line.strip().equals("-- asm")) {
                        sb = new StringBuilder();
                    }
                    continue;
                }
                if (sb != null) {
                    sb.append(line).append('\n');
                }
            }
            return sb == null ? null : sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Test name to program bytes, from corpus.jsonl. */
    static Map<String, byte[]> corpus() {
        Pattern name = Pattern.compile("\"name\": \"([^\"]+)\"");
        Pattern program = Pattern.compile("\"program\": \"([0-9a-f]*)\"");
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(shared().resolve("conformance/corpus.jsonl"))) {
                Matcher n = name.matcher(line);
                Matcher p = program.matcher(line);
                if (n.find() && p.find()) {
                    out.put(n.group(1), HexFormat.of().parseHex(p.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** All test files. */
    static List<Path> tests() {
        try (Stream<Path> s = Files.list(shared().resolve("conformance/tests"))) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".data")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.bpf4j.vm;

import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared conformance corpus and benchmark programs ({@code BPF4J_SHARED_DIR}, else ../../shared), for the
 * tests of both engines.
 */
public final class SharedData {
    /** One corpus test: its program and input bytes and the expected r0. */
    public record Case(String name, byte[] program, byte[] mem, long expected) {
    }

    private SharedData() {
    }

    public static Path dir() {
        String env = System.getenv("BPF4J_SHARED_DIR");
        return Path.of(env != null ? env : "../../shared").toAbsolutePath().normalize();
    }

    public static List<Case> corpus() throws IOException {
        Pattern p = Pattern.compile("\"(name|mem|expected_r0|program)\": \"([^\"]*)\"");
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir().resolve("conformance/corpus.jsonl"))) {
            Matcher m = p.matcher(line);
            String name = null;
            String mem = "";
            String expected = null;
            String program = null;
            while (m.find()) {
                switch (m.group(1)) {
                    case "name" -> name = m.group(2);
                    case "mem" -> mem = m.group(2).replace(" ", "");
                    case "expected_r0" -> expected = m.group(2);
                    default -> program = m.group(2);
                }
            }
            out.add(new Case(name, HexFormat.of().parseHex(program), HexFormat.of().parseHex(mem),
                    Long.parseUnsignedLong(expected.substring(2), 16)));
        }
        return out;
    }

    public static Program bench(String name) throws IOException {
        return Program.decode(Files.readAllBytes(dir().resolve("bench/" + name + ".bin")), ByteOrder.LITTLE_ENDIAN);
    }

    public static byte[] benchMem(String name) throws IOException {
        return Files.readAllBytes(dir().resolve("bench/" + name + ".mem"));
    }
}

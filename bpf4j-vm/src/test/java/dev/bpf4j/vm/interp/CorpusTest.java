package dev.bpf4j.vm.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every program of the conformance corpus gives its expected r0 (callx.data calls helper 5 through a register). */
class CorpusTest {
    record Case(String name, byte[] program, byte[] mem, long expected) {
    }

    static List<Case> cases() throws IOException {
        Pattern p = Pattern.compile("\"(name|mem|expected_r0|program)\": \"([^\"]*)\"");
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(Shared.dir().resolve("conformance/corpus.jsonl"))) {
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

    @TestFactory
    Stream<DynamicTest> everyCorpusProgram() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Interpreter vm = Interpreter.of(Program.decode(c.program(), ByteOrder.LITTLE_ENDIAN));
            long r0 = vm.run(c.mem().length == 0 ? null : c.mem().clone());
            assertThat(Long.toHexString(r0)).as(c.name()).isEqualTo(Long.toHexString(c.expected()));
        }));
    }

    @Test
    void corpusHasAllPrograms() throws IOException {
        assertThat(cases()).hasSize(313);
    }
}

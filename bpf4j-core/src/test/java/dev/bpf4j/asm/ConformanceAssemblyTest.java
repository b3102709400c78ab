package dev.bpf4j.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every conformance test's uBPF assembly assembles to exactly the corpus bytes. */
class ConformanceAssemblyTest {
    @Test
    void allTestsAssembleToCorpusBytes() {
        Map<String, byte[]> corpus = Conformance.corpus();
        List<Path> tests = Conformance.tests();
        assertThat(tests).hasSize(313);
        int checked = 0;
        for (Path test : tests) {
            String asm = Conformance.asmSection(test);
            assertThat(asm).as(test.toString()).isNotNull();
            byte[] expected = corpus.get(test.getFileName().toString());
            assertThat(expected).as("corpus entry for " + test).isNotNull();
            byte[] actual = Assembler.assemble(asm).toBytes();
            assertThat(HexFormat.of().formatHex(actual)).as(test.getFileName().toString())
                    .isEqualTo(HexFormat.of().formatHex(expected));
            checked++;
        }
        assertThat(checked).isEqualTo(313);
    }
}

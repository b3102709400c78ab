package dev.bpf4j.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The assembler encodes LLVM-syntax lines exactly as {@code llvm-mc -triple bpfel -mcpu=v4} (LLVM 19) does:
 * both the source lines of {@code all-insns.s} (decimal, as people write them) and llvm-mc's own printing of
 * them, against the encodings in {@code all-insns.mc.txt}.
 */
class LlvmMcEncodingTest {
    private static final Pattern ENCODED = Pattern.compile("\\t(.*?)\\s+# encoding: \\[(.*)]");

    @Test
    void sourceAndPrintedLinesEncodeLikeLlvmMc() throws IOException {
        List<String> source = new ArrayList<>();
        for (String line : LlvmGoldenTest.resource("all-insns.s").split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith(".") && !t.endsWith(":")) {
                source.add(t);
            }
        }
        String[] encoded = LlvmGoldenTest.resource("all-insns.mc.txt").split("\n");
        assertThat(encoded).hasSizeGreaterThan(100);
        for (int i = 0; i < encoded.length; i++) {
            Matcher m = ENCODED.matcher(encoded[i]);
            assertThat(m.matches()).as(encoded[i]).isTrue();
            String hex = m.group(2).replace("0x", "").replace(",", "");
            assertThat(HexFormat.of().formatHex(Assembler.assemble(m.group(1)).toBytes())).as(m.group(1)).isEqualTo(hex);
            assertThat(HexFormat.of().formatHex(Assembler.assemble(source.get(i)).toBytes())).as(source.get(i))
                    .isEqualTo(hex);
        }
    }
}

package dev.bpf4j.asm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LLVM listing matches what {@code llvm-objdump -d} (LLVM 19; 32-bit atomics as with {@code --mattr=+alu32}) printed,
 * line for line: the golden files under {@code src/test/resources/llvm} (see regenerate.sh there). The
 * bytes and the symbols come from the golden listing itself. The documented spellings in which bpf4j
 * differs on purpose (so that the text says which instruction it is) are mapped back to LLVM's spelling
 * before comparing, and each listing is also re-assembled to the same bytes.
 */
class LlvmGoldenTest {
    private static final Pattern INSN = Pattern.compile("\\s*([0-9]+):\\t([0-9a-f ]+)\\t(.*)");
    private static final Pattern SYMBOL = Pattern.compile("([0-9a-f]{16}) <(.+)>:");

    static String resource(String name) throws IOException {
        try (InputStream in = LlvmGoldenTest.class.getResourceAsStream("/llvm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits a golden file into listings (one per "### name" block, or the whole file). */
    static List<String> blocks(String text) {
        List<String> out = new ArrayList<>();
        for (String block : text.split("(?m)^### .*\\n")) {
            if (block.contains("Disassembly of section")) {
                out.add(block.substring(block.indexOf('\n', block.indexOf("Disassembly of section")) + 1));
            }
        }
        return out;
    }

    /** bpf4j's deliberate spellings, back in LLVM's words. */
    static String llvmSpelling(String line) {
        return line.replaceAll("\\tcall pc\\+", "\tcall ")
                .replaceAll("\\tcall pc-", "\tcall -")
                .replaceAll("\\tcall kfunc (0x[0-9a-f]+)(, .*)?$", "\tcall $1")
                .replaceAll("skb\\[(r[0-9]+) [-+] 0x[0-9a-f]+]", "skb[$1]")
                .replaceAll("(\\tld_pseudo\\tr[0-9]+, 0x[0-9a-f]+, 0x[0-9a-f]+), .*$", "$1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-insns.txt", "bench.txt", "conformance.txt"})
    void listingMatchesLlvmObjdump(String file) throws IOException {
        List<String> blocks = blocks(resource(file));
        assertThat(blocks).isNotEmpty();
        for (String expected : blocks) {
            StringBuilder hex = new StringBuilder();
            Map<Integer, String> symbolAtSlot = new HashMap<>();
            for (String line : expected.split("\n")) {
                Matcher m = INSN.matcher(line);
                Matcher s = SYMBOL.matcher(line);
                if (m.matches()) {
                    hex.append(m.group(2).replace(" ", ""));
                } else if (s.matches()) {
                    symbolAtSlot.put((int) (Long.parseLong(s.group(1), 16) / 8), s.group(2));
                }
            }
            byte[] bytes = HexFormat.of().parseHex(hex);
            Program decoded = Program.decode(bytes, ByteOrder.LITTLE_ENDIAN);
            Map<String, Integer> labels = new HashMap<>();
            int slot = 0;
            for (int k = 0; k < decoded.insns().size(); k++) {
                if (symbolAtSlot.containsKey(slot)) {
                    labels.put(symbolAtSlot.get(slot), k);
                }
                slot += decoded.insns().get(k).slots();
            }
            Program program = new Program(decoded.insns(), labels);
            String ours = Disassembler.listing(program, Syntax.LLVM);
            StringBuilder mapped = new StringBuilder();
            for (String line : ours.split("\n", -1)) {
                mapped.append(llvmSpelling(line)).append('\n');
            }
            assertThat(mapped.toString().stripTrailing()).isEqualTo(expected.stripTrailing());
            assertThat(Assembler.assemble(ours).toBytes()).as(ours).isEqualTo(bytes);
        }
    }

    /** Plain {@code llvm-objdump -d} output, pasted whole (file header, symbols, annotations), assembles back. */
    @ParameterizedTest
    @ValueSource(strings = {"bench.default.txt"})
    void pastedObjdumpOutputReassembles(String file) throws IOException {
        String[] programs = resource(file).split("(?m)^### .*\\n");
        int checked = 0;
        for (String text : programs) {
            if (text.isBlank()) {
                continue;
            }
            StringBuilder hex = new StringBuilder();
            for (String line : text.split("\n")) {
                Matcher m = INSN.matcher(line);
                if (m.matches()) {
                    hex.append(m.group(2).replace(" ", ""));
                }
            }
            assertThat(HexFormat.of().formatHex(Assembler.assemble(text).toBytes())).isEqualTo(hex.toString());
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-insns.txt"})
    void everyInstructionKindIsCovered(String file) throws IOException {
        String text = resource(file);
        Program p = Assembler.assemble(text.substring(text.indexOf("Disassembly")));
        assertThat(p.insns()).hasSizeGreaterThan(130);
        assertThat(p.insns().stream().map(Insn::getClass).distinct().count()).isGreaterThanOrEqualTo(12);
    }
}

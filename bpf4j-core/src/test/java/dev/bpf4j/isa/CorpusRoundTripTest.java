package dev.bpf4j.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every program of the conformance corpus decodes and re-encodes to the same bytes, in both byte orders. */
class CorpusRoundTripTest {
    static Path shared() {
        String env = System.getenv("BPF4J_SHARED_DIR");
        return Path.of(env != null ? env : "../../shared").toAbsolutePath().normalize();
    }

    @Test
    void everyCorpusProgramRoundTrips() throws IOException {
        Pattern program = Pattern.compile("\"program\": \"([0-9a-f]*)\"");
        List<String> lines = Files.readAllLines(shared().resolve("conformance/corpus.jsonl"));
        assertThat(lines).hasSizeGreaterThan(300);
        for (String line : lines) {
            Matcher m = program.matcher(line);
            assertThat(m.find()).isTrue();
            byte[] bytes = HexFormat.of().parseHex(m.group(1));
            Program p = Program.decode(bytes, ByteOrder.LITTLE_ENDIAN);
            assertThat(p.toBytes()).as(line).isEqualTo(bytes);
            byte[] big = p.toBytes(ByteOrder.BIG_ENDIAN);
            assertThat(Program.decode(big, ByteOrder.BIG_ENDIAN)).isEqualTo(p);
        }
    }

    @Test
    void rejectsReservedFieldsWithIndex() {
        byte[] bytes = HexFormat.of().parseHex("b700000000000000" + "0700010001000000" + "9500000000000000");
        assertThatThrownBy(() -> Program.decode(bytes, ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(InvalidInsnException.class)
                .hasMessageStartingWith("instruction 1:")
                .hasMessageContaining("offset");
    }

    @Test
    void rejectsTruncatedLddwAndOutOfRangeJumps() {
        assertThatThrownBy(() -> Program.decode(HexFormat.of().parseHex("1800000001000000"), ByteOrder.LITTLE_ENDIAN))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> Program.decode(HexFormat.of().parseHex("0500050000000000" + "9500000000000000"),
                ByteOrder.LITTLE_ENDIAN)).hasMessageContaining("outside the program");
        assertThatThrownBy(() -> Program.decode(HexFormat.of().parseHex("05000100000000001800000001000000"
                + "0000000000000000" + "9500000000000000"), ByteOrder.LITTLE_ENDIAN))
                .hasMessageContaining("second slot");
        assertThatThrownBy(() -> Program.decode(new byte[12], ByteOrder.LITTLE_ENDIAN))
                .hasMessageContaining("multiple of 8");
        assertThatThrownBy(() -> Program.decode(HexFormat.of().parseHex("ff00000000000000"), ByteOrder.LITTLE_ENDIAN))
                .hasMessageContaining("unknown opcode 0xff");
    }

    @Test
    void labelsResolveToSlotOffsetsAcrossLddw() {
        Program p = new Program(List.of(
                new Insn.Goto(Target.label("end"), false),
                new Insn.LoadImm64(Reg.R0, 0x1122334455667788L),
                new Insn.Exit()), java.util.Map.of("end", 2));
        List<RawInsn> raw = p.encode();
        assertThat(raw).hasSize(4);
        assertThat(raw.get(0).off()).isEqualTo(2);
        assertThat(Program.decode(raw).insns().get(0)).isEqualTo(new Insn.Goto(Target.offset(2), false));
    }
}

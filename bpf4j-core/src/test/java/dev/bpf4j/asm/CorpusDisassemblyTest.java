package dev.bpf4j.asm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Program;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every corpus program: bytes, to text in each syntax (plain and listing), back to identical bytes. */
class CorpusDisassemblyTest {
    @Test
    void everyCorpusProgramReassemblesFromItsText() {
        Map<String, byte[]> corpus = Conformance.corpus();
        assertThat(corpus).hasSizeGreaterThan(300);
        for (var e : corpus.entrySet()) {
            byte[] bytes = e.getValue();
            Program p = Program.decode(bytes, ByteOrder.LITTLE_ENDIAN);
            for (Syntax syntax : Syntax.values()) {
                String plain = Disassembler.disassemble(bytes, syntax);
                assertThat(HexFormat.of().formatHex(Assembler.assemble(plain).toBytes())).as(e.getKey() + " " + syntax)
                        .isEqualTo(HexFormat.of().formatHex(bytes));
                String labelled = Disassembler.disassembleLabelled(p, syntax);
                assertThat(Assembler.assemble(labelled).toBytes()).as(e.getKey() + " labelled " + syntax).isEqualTo(bytes);
                String listing = Disassembler.listing(p, syntax);
                assertThat(Assembler.assemble(listing).toBytes()).as(e.getKey() + " listing " + syntax).isEqualTo(bytes);
            }
        }
    }

    @Test
    void labelledProgramsPrintAsOffsets() {
        Program p = Assembler.assemble("mov %r0, 0\nloop:\nadd %r0, 1\njlt %r0, 10, loop\nja end\nlddw %r1, 5\nend:\nexit\n");
        assertThat(Disassembler.disassemble(p, Syntax.UBPF)).isEqualTo("""
                mov %r0, 0
                add %r0, 1
                jlt %r0, 10, -2
                ja +2
                lddw %r1, 0x5
                exit
                """);
        assertThat(Disassembler.disassemble(p, Syntax.LLVM)).isEqualTo("""
                r0 = 0x0
                r0 += 0x1
                if r0 < 0xa goto -0x2
                goto +0x2
                r1 = 0x5 ll
                exit
                """);
        assertThat(Disassembler.disassembleLabelled(p, Syntax.UBPF)).isEqualTo("""
                mov %r0, 0
                loop:
                add %r0, 1
                jlt %r0, 10, loop
                ja end
                lddw %r1, 0x5
                end:
                exit
                """);
        Program decoded = Program.decode(p.toBytes(), ByteOrder.LITTLE_ENDIAN);
        assertThat(Disassembler.disassembleLabelled(decoded, Syntax.LLVM)).isEqualTo("""
                r0 = 0x0
                L1:
                r0 += 0x1
                if r0 < 0xa goto L1
                goto L6
                r1 = 0x5 ll
                L6:
                exit
                """);
        assertThat(Disassembler.listing(p, Syntax.LLVM)).isEqualTo("""
                       0:\tb7 00 00 00 00 00 00 00\tr0 = 0x0

                0000000000000008 <loop>:
                       1:\t07 00 00 00 01 00 00 00\tr0 += 0x1
                       2:\ta5 00 fe ff 0a 00 00 00\tif r0 < 0xa goto -0x2 <loop>
                       3:\t05 00 02 00 00 00 00 00\tgoto +0x2 <end>
                       4:\t18 01 00 00 05 00 00 00 00 00 00 00 00 00 00 00\tr1 = 0x5 ll

                0000000000000030 <end>:
                       6:\t95 00 00 00 00 00 00 00\texit
                """);
    }
}

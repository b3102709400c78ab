package dev.bpf4j.asm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.Program;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the assembler answers with a program or a one-line AsmException, never anything else. */
class AssemblerFuzzTest {
    private static final String ALPHABET = "abcdefgilmnorstuwxz0123456789%[]()+-*=<>&|^!,:# \tsklpq_.\nrw";

    @Provide
    Arbitrary<String> randomText() {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(60);
    }

    /** A valid line in either syntax, then a few random edits: deletions, insertions, replacements. */
    @Provide
    Arbitrary<String> mutatedLines() {
        Arbitrary<String> valid = Combinators.combine(Insns.all(), Arbitraries.of(Syntax.class))
                .as((Insn insn, Syntax s) -> Disassembler.format(insn, s));
        Arbitrary<List<int[]>> edits = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, ALPHABET.length() - 1))
                .as((kind, pos, ch) -> new int[] {kind, pos, ch}).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(valid, edits).as((line, list) -> {
            StringBuilder sb = new StringBuilder(line);
            for (int[] e : list) {
                int pos = sb.isEmpty() ? 0 : e[1] % sb.length();
                char c = ALPHABET.charAt(e[2]);
                switch (e[0]) {
                    case 0 -> {
                        if (!sb.isEmpty()) {
                            sb.deleteCharAt(pos);
                        }
                    }
                    case 1 -> sb.insert(pos, c);
                    default -> {
                        if (!sb.isEmpty()) {
                            sb.setCharAt(pos, c);
                        }
                    }
                }
            }
            return sb.toString();
        });
    }

    private static void programOrAsmException(String text) {
        try {
            Program p = Assembler.assemble(text);
            assertThat(p).isNotNull();
        } catch (AsmException e) {
            assertThat(e.getMessage()).startsWith("line ").doesNotContain("\n");
        }
    }

    @Property(tries = 3000)
    void randomTextNeverCrashes(@ForAll("randomText") String text) {
        programOrAsmException(text);
    }

    @Property(tries = 5000)
    void mutatedLinesNeverCrash(@ForAll("mutatedLines") String text) {
        programOrAsmException(text);
    }
}

package dev.bpf4j.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpf4j.FormatException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Reads the clang-built benchmark objects and survives corrupted ones. */
class ElfFileTest {
    static Path bench() {
        String env = System.getenv("BPF4J_SHARED_DIR");
        return Path.of(env != null ? env : "../../shared").resolve("bench");
    }

    @Test
    void textSectionOfEachBenchObjectIsItsRawBytecode() throws IOException {
        for (String prog : new String[] {"alu_loop", "sieve", "pkt_parse"}) {
            ElfFile elf = ElfFile.parse(prog, Files.readAllBytes(bench().resolve(prog + ".bpf.o")));
            assertThat(elf.machine()).isEqualTo(ElfFile.EM_BPF);
            assertThat(elf.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            ElfFile.Section text = elf.section(".text").orElseThrow();
            assertThat(text.executable()).isTrue();
            assertThat(text.data()).isEqualTo(Files.readAllBytes(bench().resolve(prog + ".bin")));
            assertThat(elf.symbols()).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("entry");
                assertThat(s.symbolType()).isEqualTo(2);
            });
        }
    }

    @Test
    void rejectsNonElfWithFileName() {
        assertThatThrownBy(() -> ElfFile.parse("x.o", "hello".getBytes()))
                .isInstanceOf(FormatException.class).hasMessage("x.o: not an ELF file (no \\x7fELF magic)");
        assertThatThrownBy(() -> ElfFile.parse("y.o", "\u007fELFshort".getBytes()))
                .isInstanceOf(FormatException.class)
                .hasMessage("y.o: ELF header: truncated: the file has 9 bytes, an ELF64 header needs 64");
    }

    @Property(tries = 3000)
    void corruptedObjectsParseOrFailCleanly(@ForAll("corrupted") byte[] bytes) {
        try {
            ElfFile.parse("fuzz.o", bytes);
        } catch (FormatException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.o");
        }
    }

    @Provide
    Arbitrary<byte[]> corrupted() {
        byte[] base;
        try {
            base = Files.readAllBytes(bench().resolve("sieve.bpf.o"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Arbitraries.integers().between(0, base.length - 1).list().ofMinSize(1).ofMaxSize(8)
                .flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size()).map(values -> {
                    byte[] copy = base.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        copy[positions.get(i)] = values[i];
                    }
                    return copy;
                }));
    }
}

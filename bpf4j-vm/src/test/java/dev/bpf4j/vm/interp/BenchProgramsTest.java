package dev.bpf4j.vm.interp;

import dev.bpf4j.vm.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three shared benchmark programs compute their documented checksums (no timing asserted). */
class BenchProgramsTest {
    @ParameterizedTest
    @CsvSource({"alu_loop, 4d54a154bfbad126", "sieve, 4520a", "pkt_parse, 9740929ec8159454"})
    void benchmarkProgramGivesItsChecksum(String name, String expected) throws IOException {
        Path dir = SharedData.dir().resolve("bench");
        Program p = Program.decode(Files.readAllBytes(dir.resolve(name + ".bin")), ByteOrder.LITTLE_ENDIAN);
        Interpreter vm = Interpreter.of(p);
        long r0 = vm.run(Files.readAllBytes(dir.resolve(name + ".mem")));
        assertThat(Long.toHexString(r0)).isEqualTo(expected);
        assertThat(vm.executedInstructions()).isGreaterThan(1_000_000);
    }
}

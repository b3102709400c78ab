package dev.bpf4j.vm.jit;

import dev.bpf4j.vm.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.VmOptions;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three shared benchmark programs compute their documented checksums on the JIT (no timing asserted). */
class JitBenchProgramsTest {
    @ParameterizedTest
    @CsvSource({"alu_loop, 4d54a154bfbad126", "sieve, 4520a", "pkt_parse, 9740929ec8159454"})
    void benchmarkProgramGivesItsChecksum(String name, String expected) throws IOException {
        Program p = SharedData.bench(name);
        JitProgram jit = JitProgram.of(p);
        long r0 = jit.run(SharedData.benchMem(name));
        assertThat(Long.toHexString(r0)).isEqualTo(expected);
        assertThat(jit.executedInstructions()).isGreaterThan(1_000_000);
        JitCorpusTest.assertVerifies(JitCompiler.classBytes(p, VmOptions.defaults()));
    }
}

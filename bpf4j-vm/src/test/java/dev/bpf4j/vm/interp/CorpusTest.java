package dev.bpf4j.vm.interp;

import dev.bpf4j.vm.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every program of the conformance corpus gives its expected r0 (callx.data calls helper 5 through a register). */
class CorpusTest {
    @TestFactory
    Stream<DynamicTest> everyCorpusProgram() throws IOException {
        return SharedData.corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Interpreter vm = Interpreter.of(Program.decode(c.program(), ByteOrder.LITTLE_ENDIAN));
            long r0 = vm.run(c.mem().length == 0 ? null : c.mem().clone());
            assertThat(Long.toHexString(r0)).as(c.name()).isEqualTo(Long.toHexString(c.expected()));
        }));
    }

    @Test
    void corpusHasAllPrograms() throws IOException {
        assertThat(SharedData.corpus()).hasSize(313);
    }
}

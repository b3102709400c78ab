package dev.bpf4j.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PossibleCpusTest {
    @Test
    void countsByHighestCpuNumber() {
        assertThat(PossibleCpus.parse("0\n")).isEqualTo(1);
        assertThat(PossibleCpus.parse("0-1")).isEqualTo(2);
        assertThat(PossibleCpus.parse("0-3,5,7-8\n")).isEqualTo(9);
        assertThatThrownBy(() -> PossibleCpus.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decisiveLineSkipsStatistics() {
        String log = "0: R1=ctx() R10=fp0\n0: (bf) r0 = r2\nR2 !read_ok\n"
                + "processed 1 insns (limit 1000000) max_states_per_insn 0\n\n";
        assertThat(VerifierException.decisiveLine(log)).isEqualTo("R2 !read_ok");
        assertThat(VerifierException.decisiveLine("")).isEqualTo("(the verifier left no log)");
    }
}

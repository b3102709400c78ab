package dev.bpf4j.vm;

import static dev.bpf4j.isa.Reg.R0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.asm.ProgramBuilder;
import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.interp.Interpreter;
import org.junit.jupiter.api.Test;

/** The Java example in the README does what the README says. */
class ReadmeExampleTest {
    @Test
    void builderProgramCountsToTen() {
        Program p = ProgramBuilder.build(b -> b
                .mov64(R0, 0)
                .label("loop").add64(R0, 1).jlt(R0, 10, "loop")
                .exit());
        long r0 = Interpreter.of(p, VmOptions.defaults()).run(null);
        assertThat(r0).isEqualTo(10);
    }
}

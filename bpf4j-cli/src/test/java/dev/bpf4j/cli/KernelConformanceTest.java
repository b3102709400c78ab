package dev.bpf4j.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The conformance suite in the kernel: all but what the kernel's verifier refuses passes. */
@Tag("kernel")
class KernelConformanceTest {
    @Test
    void theSuitePassesInTheKernelExceptWhatItsVerifierRefuses() {
        KernelAvailable.assume();
        CliRun run = CliRun.of("conformance", "--engine", "kernel", CliRun.shared().resolve("conformance/tests").toString());
        assertThat(run.out()).endsWith("300 passed, 13 failed\n");
        assertThat(run.out().lines().filter(l -> l.startsWith("FAIL")))
                .hasSize(13)
                .allMatch(l -> l.contains(": rejected by the kernel verifier: "));
        assertThat(run.out()).contains("FAIL lsh64-imm-high.data: rejected by the kernel verifier: invalid shift 68");
        assertThat(run.exit()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void everyNegativeTestFailsInTheKernelToo() {
        KernelAvailable.assume();
        CliRun run = CliRun.of("conformance", "--engine", "kernel", CliRun.shared().resolve("conformance/negative").toString());
        assertThat(run.out()).endsWith("0 passed, 60 failed\n")
                .contains("FAIL error.data: expected an error ('Invalid'), but rejected by the kernel verifier: R0 !read_ok");
    }

    @Test
    void execRunsInTheKernelWithThe64BitResult() throws Exception {
        KernelAvailable.assume();
        java.nio.file.Path prog = java.nio.file.Files.createTempFile("bpf4j", ".s");
        try {
            java.nio.file.Files.writeString(prog, "lddw %r0, 0x123456789abcdef0\nldxb %r1, [%r1+1]\nadd %r0, %r1\nexit\n");
            CliRun run = CliRun.of("exec", "--engine", "kernel", prog.toString(), "--mem", "01 02");
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo("0x123456789abcdef2\n");
        } finally {
            java.nio.file.Files.delete(prog);
        }
    }

    @Test
    void aMissingMapIsNamed() {
        KernelAvailable.assume();
        CliRun run = CliRun.of("map", "dump", "2147483647");
        assertThat(run.err()).isEqualTo("bpf4j: there is no map with id 2147483647\n");
        assertThat(run.exit()).isNotZero();
    }
}

package dev.bpf4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptance bar of the foundation: the whole suite passes, every negative file fails cleanly. */
class ConformanceCommandTest {
    @Test
    void wholeSuitePasses() {
        CliRun run = CliRun.of("conformance", CliRun.shared().resolve("conformance/tests").toString());
        assertThat(run.out()).isEqualTo("313 passed, 0 failed\n");
        assertThat(run.exit()).isEqualTo(ExitCode.OK);
    }

    @Test
    void everyNegativeFileFailsWithOneLineReason() {
        CliRun run = CliRun.of("conformance", CliRun.shared().resolve("conformance/negative").toString());
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(61);
        assertThat(lines.getLast()).isEqualTo("0 passed, 60 failed");
        assertThat(lines.subList(0, 60)).allSatisfy(line -> {
            assertThat(line).matches("FAIL [\\w.-]+\\.data: \\S.*");
            assertThat(line).doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void reasonsNameTheProblem() {
        CliRun run = CliRun.of("conformance", CliRun.shared().resolve("conformance/negative").toString());
        assertThat(run.out())
                .contains("FAIL unused-add64_imm-offset.data: invalid program: instruction 0:")
                .contains("FAIL incorrect_return_value_high_bits.data: expected r0=0x8977665544332211, got r0=")
                .contains("FAIL empty.data: bad test file: no program")
                .contains("FAIL invalid_label.data: does not assemble: line ")
                .contains("FAIL error.data: expected an error ('Invalid'), but the program returned r0=");
    }

    @Test
    void missingDirectoryIsAOneLineUsageError() {
        CliRun run = CliRun.of("conformance", "/nonexistent/dir");
        assertThat(run.err()).isEqualTo("bpf4j: /nonexistent/dir: no such directory\n");
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    }
}

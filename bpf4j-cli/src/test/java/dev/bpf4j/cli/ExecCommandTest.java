package dev.bpf4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exec}, {@code asm} and {@code disasm} on real files, and their one-line errors. */
class ExecCommandTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void runsAssemblyInBothSyntaxesAndPrintsR0() throws IOException {
        Path ubpf = write("a.s", "mov32 %r0, 1\nadd32 %r0, 2\nexit\n");
        assertThat(CliRun.of("exec", ubpf.toString()).out()).isEqualTo("0x3\n");
        Path llvm = write("b.s", "w0 = 1\nw0 += 2\nexit\n");
        assertThat(CliRun.of("exec", llvm.toString()).out()).isEqualTo("0x3\n");
    }

    @Test
    void memoryIsPassedInR1AndR2() throws IOException {
        Path p = write("m.s", "ldxh %r0, [%r1+2]\nadd %r0, %r2\nexit\n");
        assertThat(CliRun.of("exec", p.toString(), "--mem", "00 00 34 12").out()).isEqualTo("0x1238\n");
    }

    @Test
    void timeLineHasTheDocumentedShape() throws IOException {
        Path p = write("t.s", "mov %r0, 7\nexit\n");
        CliRun run = CliRun.of("exec", p.toString(), "--repeat", "5", "--time");
        assertThat(run.out().lines().toList().getLast()).matches("result=0x7 min_ms=\\d+\\.\\d{3} median_ms=\\d+\\.\\d{3}");
        assertThat(run.exit()).isZero();
    }

    @Test
    void runsTheClangBuiltBenchObject() throws IOException {
        Path mem = tmp.resolve("alu.mem");
        // [u64 iterations = 0][u64 seed]: the loop does not run, so the result is a ^ b ^ c = 0 ^ 1 ^ 7.
        Files.write(mem, new byte[16]);
        Path obj = CliRun.shared().resolve("bench/alu_loop.bpf.o");
        CliRun run = CliRun.of("exec", obj.toString(), "--mem-file", mem.toString());
        assertThat(run.out()).isEqualTo("0x6\n");
    }

    @Test
    void asmThenDisasmRoundTrips() throws IOException {
        Path src = write("r.s", "mov32 %r0, 0\nja +1\nexit\nlddw %r1, 0x1122334455667788\nexit\n");
        Path bin = tmp.resolve("r.bin");
        assertThat(CliRun.of("asm", src.toString(), "-o", bin.toString()).exit()).isZero();
        assertThat(Files.size(bin)).isEqualTo(48);
        CliRun dis = CliRun.of("disasm", bin.toString(), "--syntax", "ubpf");
        assertThat(dis.exit()).isZero();
        Path again = write("again.s", dis.out());
        Path bin2 = tmp.resolve("again.bin");
        assertThat(CliRun.of("asm", again.toString(), "-o", bin2.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(bin2)).isEqualTo(Files.readAllBytes(bin));
    }

    @Test
    void badInputGivesOneLineAndUsageExit() throws IOException {
        CliRun missing = CliRun.of("exec", tmp.resolve("nope.bin").toString());
        assertThat(missing.err()).isEqualTo("bpf4j: " + tmp.resolve("nope.bin") + ": no such file\n");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);

        CliRun badAsm = CliRun.of("exec", write("bad.s", "mov32 %r0, 1\nfrobnicate %r1\n").toString());
        assertThat(badAsm.err()).startsWith("bpf4j: line 2: ").doesNotContain("\n\tat");
        assertThat(badAsm.err().lines().count()).isEqualTo(1);
        assertThat(badAsm.exit()).isEqualTo(ExitCode.USAGE);

        Path raw = tmp.resolve("bad.bin");
        Files.write(raw, new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0});
        CliRun badRaw = CliRun.of("exec", raw.toString());
        assertThat(badRaw.err()).isEqualTo("bpf4j: instruction 0: unknown opcode 0xff\n");

        CliRun unknown = CliRun.of("exec", write("ok.s", "exit\n").toString(), "--engine", "warp");
        assertThat(unknown.err()).contains("unknown engine").contains("jit");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void jitEngineRunsAndFaultsLikeTheInterpreter() throws IOException {
        CliRun ok = CliRun.of("exec", write("j.s", "mov %r0, 7\nadd %r0, 35\nexit\n").toString(), "--engine", "jit");
        assertThat(ok.exit()).isEqualTo(0);
        assertThat(ok.out()).contains("0x2a");
        Path p = write("jf.s", "ldxdw %r0, [%r1+4096]\nexit\n");
        CliRun interp = CliRun.of("exec", p.toString(), "--mem", "00 01");
        CliRun jit = CliRun.of("exec", p.toString(), "--mem", "00 01", "--engine", "jit");
        assertThat(jit.err()).isEqualTo(interp.err());
        assertThat(jit.exit()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void memoryFaultIsAOneLineRuntimeError() throws IOException {
        Path p = write("f.s", "ldxdw %r0, [%r1+4096]\nexit\n");
        CliRun run = CliRun.of("exec", p.toString(), "--mem", "00 01");
        assertThat(run.err()).startsWith("bpf4j: instruction 0: ");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.exit()).isEqualTo(ExitCode.FAILED);
    }
}

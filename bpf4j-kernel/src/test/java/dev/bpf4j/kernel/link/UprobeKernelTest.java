package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.symbols.ElfSymbols;
import dev.bpf4j.kernel.symbols.UsdtArgument;
import dev.bpf4j.kernel.symbols.UsdtProbe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
class UprobeKernelTest {
    static final String LIBJVM = "/usr/lib/jvm/temurin-25-jdk-amd64/lib/server/libjvm.so";

    @TempDir
    Path dir;

    @Test
    void uprobeAndUretprobeCountCallsOfACompiledFunction() throws Exception {
        Path bin = TestBinary.compile(dir);
        ElfSymbols elf = ElfSymbols.read(bin.toString());
        assertThat(elf.offsetOf("bpf4j_target")).isPositive();
        for (boolean ret : new boolean[] {false, true}) {
            try (Counter c = Counter.load(ProgramType.KPROBE, null, 0)) {
                PerfEventLink link = Uprobe.attach(c.program, bin.toString(), "bpf4j_target", ret, -1);
                try (link) {
                    assertThat(link.description()).startsWith(ret ? "uretprobe " : "uprobe ").endsWith(":bpf4j_target");
                    TestBinary.run(bin, 25);
                    assertThat(c.count()).isEqualTo(25);
                }
                TestBinary.run(bin, 5);
                assertThat(c.count()).isEqualTo(25);
            }
        }
    }

    @Test
    void uprobeForOnePidIgnoresOtherProcesses() throws Exception {
        Path bin = TestBinary.compile(dir);
        Process target = TestBinary.startWaiting(bin, 7);
        try (Counter c = Counter.load(ProgramType.KPROBE, null, 0);
             PerfEventLink link = Uprobe.attach(c.program, bin.toString(), "bpf4j_target", false, (int) target.pid())) {
            assertThat(link.eventCount()).isEqualTo(1);
            TestBinary.run(bin, 40); // another process: not counted
            TestBinary.release(target);
            assertThat(c.count()).isEqualTo(7);
        } finally {
            target.destroyForcibly().waitFor();
        }
    }

    @Test
    void resolvesSharedLibraryFunctionsThroughDynsym() {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        Assumptions.assumeTrue(Files.exists(libc), "no x86_64 glibc here");
        ElfSymbols elf = ElfSymbols.read(libc.toString());
        assertThat(elf.function("malloc")).isPresent();
        long offset = elf.offsetOf("malloc");
        assertThat(offset).isPositive();
        ElfSymbols.Segment text = elf.segments().stream().filter(s -> (s.flags() & 1) != 0).findFirst().orElseThrow();
        assertThat(offset).isBetween(text.offset(), text.offset() + text.filesz());
    }

    @Test
    void uprobeOnAMissingSymbolNamesIt() throws Exception {
        Path bin = TestBinary.compile(dir);
        try (Counter c = Counter.load(ProgramType.KPROBE, null, 0)) {
            assertThatThrownBy(() -> Uprobe.attach(c.program, bin.toString(), "no_such_function", false, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no function symbol 'no_such_function'");
        }
    }

    @Test
    void usdtProbeWithSemaphoreFiresAndEnablesTheSemaphore() throws Exception {
        Path bin = TestBinary.compile(dir);
        List<UsdtProbe> probes = Usdt.probes(bin.toString());
        assertThat(probes).hasSize(1);
        UsdtProbe tick = probes.getFirst();
        assertThat(tick.fullName()).isEqualTo("bpf4j:tick");
        assertThat(tick.arguments()).hasSize(2);
        assertThat(tick.arguments().get(0).size()).isEqualTo(4);
        assertThat(tick.arguments().get(0).signed()).isTrue();
        assertThat(tick.arguments().get(1).size()).isEqualTo(8);
        assertThat(tick.semaphoreAddress()).isPositive();
        assertThat(tick.semaphoreOffset()).isPositive();
        assertThat(TestBinary.run(bin, 10)).as("semaphore is off without a probe").isZero();
        try (Counter c = Counter.load(ProgramType.KPROBE, null, 0);
             PerfEventLink link = Usdt.attach(c.program, bin.toString(), "bpf4j", "tick", -1)) {
            assertThat(link.eventCount()).isEqualTo(1);
            assertThat(TestBinary.run(bin, 30)).as("the kernel raised the semaphore").isEqualTo(30);
            assertThat(c.count()).isEqualTo(30);
        }
        assertThat(TestBinary.run(bin, 10)).isZero();
    }

    @Test
    void listsHotSpotProbesOfLibjvm() {
        Assumptions.assumeTrue(Files.exists(Path.of(LIBJVM)), LIBJVM + " is not installed");
        List<UsdtProbe> probes = Usdt.probes(LIBJVM);
        assertThat(probes.size()).isGreaterThan(100);
        assertThat(probes).extracting(UsdtProbe::provider).contains("hotspot");
        assertThat(probes).extracting(UsdtProbe::name).contains("thread__start");
        for (UsdtProbe p : probes) {
            assertThat(p.fileOffset()).isPositive();
            for (UsdtArgument a : p.arguments()) {
                assertThat(a.size()).isIn(1, 2, 4, 8);
            }
        }
    }
}

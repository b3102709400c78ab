package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.ProgramType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@KernelTest
class PerfSamplingKernelTest {

    @Test
    void cpuClockSamplesEveryCpuWhileThisThreadSpins() {
        try (Counter c = Counter.load(ProgramType.PERF_EVENT, null, 0);
             PerfEventLink link = PerfSampling.cpuClock(c.program, 1000)) {
            assertThat(link.eventCount()).isEqualTo(PerfSampling.onlineCpus().size());
            long end = System.nanoTime() + 300_000_000L;
            long spin = 0;
            while (System.nanoTime() < end) {
                spin++;
            }
            assertThat(spin).isPositive();
            // 300 ms on one CPU at 1000 Hz gives about 300 samples; be generous for slow virtual machines.
            assertThat(c.count()).isGreaterThan(30);
        }
    }
}

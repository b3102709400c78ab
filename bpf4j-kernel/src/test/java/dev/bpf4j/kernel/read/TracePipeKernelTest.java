package dev.bpf4j.kernel.read;

import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.TestRunOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@KernelTest
class TracePipeKernelTest {
    @Test
    void readsWhatBpfTracePrintkWrote() {
        try (BpfMap seq = BpfMap.create(MapSpec.of("t_seq", MapType.ARRAY, 4, 8, 1));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_printk", ProgramType.XDP, Producers.tracePrintk()),
                     Map.of("t_seq", seq), LoadOptions.DEFAULT);
             TracePipe pipe = TracePipe.open()) {
            while (pipe.readLine(0).isPresent()) {
                // Drain what others left in the shared buffer.
            }
            prog.testRun(new TestRunOptions(new byte[64], 0, null, 0, 5));
            List<TraceEvent> ours = new ArrayList<>();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (ours.size() < 5 && System.nanoTime() < deadline) {
                Optional<TraceEvent> e = pipe.readEvent(1000);
                e.filter(ev -> ev.message().startsWith("bpf4j seq=")).ifPresent(ours::add);
            }
            assertThat(ours).extracting(TraceEvent::message)
                    .containsExactly("bpf4j seq=0", "bpf4j seq=1", "bpf4j seq=2", "bpf4j seq=3", "bpf4j seq=4");
            assertThat(ours).allMatch(e -> e.pid() > 0 && e.timestamp() > 0 && e.cpu() >= 0);
        }
    }

    @Test
    void aQuietPipeTimesOut() {
        try (TracePipe pipe = TracePipe.open()) {
            while (pipe.readLine(0).isPresent()) {
                // Drain.
            }
            assertThat(pipe.readLine(100)).isEmpty();
        }
    }
}

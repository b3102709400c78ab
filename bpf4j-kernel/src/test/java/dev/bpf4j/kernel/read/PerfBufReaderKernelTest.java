package dev.bpf4j.kernel.read;

import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.PossibleCpus;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.TestRunOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
@org.junit.jupiter.api.extension.ExtendWith(NoMappingsLeft.class)
class PerfBufReaderKernelTest {
    private BpfMap perf;
    private BpfMap seq;

    @BeforeEach
    void maps() {
        perf = BpfMap.create(MapSpec.of("t_perf", MapType.PERF_EVENT_ARRAY, 4, 4, PossibleCpus.count()));
        seq = BpfMap.create(MapSpec.of("t_seq", MapType.ARRAY, 4, 8, 1));
    }

    @AfterEach
    void close() {
        perf.close();
        seq.close();
    }

    private BpfProgram load(int words) {
        return BpfProgram.load(ProgramSpec.of("t_perf_prod", ProgramType.XDP, Producers.perfOutput(words)),
                Map.of("t_perf", perf, "t_seq", seq), LoadOptions.DEFAULT);
    }

    private static void run(BpfProgram prog, int times) {
        prog.testRun(new TestRunOptions(new byte[64], 0, null, 0, times));
    }

    /** Collects samples' first word and lost counts. */
    private static final class Collector implements PerfRecordHandler {
        final List<Long> seqs = new ArrayList<>();
        final List<Long> sizes = new ArrayList<>();
        long lost;
        int lostRecords;

        @Override
        public void onSample(int cpu, ByteBuffer data) {
            seqs.add(data.getLong(0));
            sizes.add((long) data.remaining());
            assertThat(data.getLong(8)).isEqualTo(3 * data.getLong(0));
        }

        @Override
        public void onLost(int cpu, long count) {
            lost += count;
            lostRecords++;
        }
    }

    @Test
    void samplesArriveInOrderOnEveryCpuRing() {
        try (BpfProgram prog = load(2); PerfBufReader reader = PerfBufReader.open(perf, 4)) {
            assertThat(reader.cpus()).isNotEmpty();
            run(prog, 50);
            Collector c = new Collector();
            assertThat(reader.poll(c, 1000)).isEqualTo(50);
            assertThat(c.seqs).isEqualTo(java.util.stream.LongStream.range(0, 50).boxed().toList());
            // 16 bytes of output: the raw area is padded so that size field + data end 8-byte aligned.
            assertThat(c.sizes).allMatch(s -> s == 20);
            assertThat(reader.pending()).isZero();
        }
    }

    @Test
    void recordsWrappingAroundTheRingEndAreWhole() {
        // 24-byte outputs make 40-byte records, which do not divide the 4096-byte ring.
        try (BpfProgram prog = load(3); PerfBufReader reader = PerfBufReader.open(perf, 1)) {
            long expected = 0;
            for (int round = 0; round < 30; round++) {
                run(prog, 90);
                Collector c = new Collector();
                assertThat(reader.consume(c)).isEqualTo(90);
                for (long s : c.seqs) {
                    assertThat(s).isEqualTo(expected++);
                }
                assertThat(c.lost).isZero();
            }
        }
    }

    @Test
    void aSlowReaderIsToldHowManySamplesWereLost() {
        try (BpfProgram prog = load(2); PerfBufReader reader = PerfBufReader.open(perf, 1)) {
            run(prog, 1000); // 32-byte records: only 128 fit in one page
            Collector c = new Collector();
            int first = reader.consume(c);
            assertThat(first).isLessThan(1000).isGreaterThan(100);
            // The kernel reports the loss before the next sample that fits into the same CPU's ring; the
            // test thread may have moved to another CPU since, so produce until that ring gets one.
            int extra = 0;
            while (c.lostRecords == 0 && extra < 200) {
                run(prog, 1);
                extra++;
                reader.consume(c);
            }
            assertThat(c.lostRecords).isEqualTo(1);
            assertThat(c.seqs.size() + c.lost).isEqualTo(1000 + extra);
            assertThat(c.seqs).contains(999L + extra);
            assertThat(reader.lostSamples()).isEqualTo(c.lost);
            assertThat(reader.samples()).isEqualTo(c.seqs.size());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aWaitingPollWakesWhenAnotherThreadProduces() throws Exception {
        try (BpfProgram prog = load(2); PerfBufReader reader = PerfBufReader.open(perf, 2)) {
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                run(prog, 3);
            });
            Collector c = new Collector();
            while (c.seqs.size() < 3) {
                reader.poll(c, -1); // no limit: only the kernel's wakeup ends it
            }
            producer.join();
            assertThat(c.seqs).containsExactly(0L, 1L, 2L);
            assertThat(reader.poll(c, 50)).isZero();
        }
    }

    @Test
    void closingTheReaderEmptiesTheMap() {
        // Perf event arrays cannot be looked up from userspace; deleting says whether an entry was there.
        try (PerfBufReader reader = PerfBufReader.open(perf, 1)) {
            assertThat(reader.cpus()).contains(0);
        }
        assertThat(perf.delete(new byte[4])).isFalse();
    }

    @Test
    void whileOpenTheRingsAreMappedAndAfterwardsNot() {
        try (PerfBufReader reader = PerfBufReader.open(perf, 1)) {
            assertThat(NoMappingsLeft.ringMappings()).filteredOn(l -> l.contains("perf_event"))
                    .hasSize(reader.cpus().size());
        }
        assertThat(NoMappingsLeft.ringMappings()).noneMatch(l -> l.contains("perf_event"));
    }

    @Test
    void refusesOtherMapsAndOddPageCounts() {
        assertThatThrownBy(() -> PerfBufReader.open(seq, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerfBufReader.open(perf, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}

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
import dev.bpf4j.isa.Program;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
@org.junit.jupiter.api.extension.ExtendWith(NoMappingsLeft.class)
class RingBufReaderKernelTest {
    private BpfMap ring;
    private BpfMap seq;
    private BpfMap drops;

    @BeforeEach
    void maps() {
        ring = BpfMap.create(MapSpec.of("t_rb", MapType.RINGBUF, 0, 0, 4096));
        seq = BpfMap.create(MapSpec.of("t_seq", MapType.ARRAY, 4, 8, 1));
        drops = BpfMap.create(MapSpec.of("t_drops", MapType.ARRAY, 4, 8, 1));
    }

    @AfterEach
    void close() {
        ring.close();
        seq.close();
        drops.close();
    }

    private BpfProgram load(Program program) {
        return BpfProgram.load(ProgramSpec.of("t_rb_prod", ProgramType.XDP, program),
                Map.of("t_rb", ring, "t_seq", seq, "t_drops", drops), LoadOptions.DEFAULT);
    }

    private static void run(BpfProgram prog, int times) {
        prog.testRun(new TestRunOptions(new byte[64], 0, null, 0, times));
    }

    private long dropCount() {
        return ByteBuffer.wrap(drops.lookup(new byte[4]).orElseThrow()).order(ByteOrder.nativeOrder()).getLong();
    }

    @Test
    void readsRecordsInOrderInPlace() {
        try (BpfProgram prog = load(Producers.ringbufOutput(2)); RingBufReader reader = RingBufReader.open(ring)) {
            assertThat(reader.size()).isEqualTo(4096);
            run(prog, 100);
            List<Long> seen = new ArrayList<>();
            int n = reader.poll(r -> {
                assertThat((long) r.remaining()).isEqualTo(16);
                assertThat(r.getLong(8)).isEqualTo(3 * r.getLong(0));
                seen.add(r.getLong(0));
            }, 1000);
            assertThat(n).isEqualTo(100);
            assertThat(seen).isEqualTo(java.util.stream.LongStream.range(0, 100).boxed().toList());
            assertThat(reader.pending()).isZero();
            assertThat(reader.consume(r -> { })).isZero();
        }
    }

    @Test
    void recordsWrapAroundTheRingEndManyTimes() {
        // 24-byte records (8 header + 16) do not divide 4096, so records keep straddling the ring's end.
        try (BpfProgram prog = load(Producers.ringbufOutput(2)); RingBufReader reader = RingBufReader.open(ring)) {
            long expected = 0;
            for (int round = 0; round < 50; round++) {
                run(prog, 150); // 150 * 24 = 3600 bytes: fits, and ends somewhere new each round
                List<byte[]> records = reader.consumeCopies();
                assertThat(records).hasSize(150);
                for (byte[] r : records) {
                    ByteBuffer b = ByteBuffer.wrap(r).order(ByteOrder.nativeOrder());
                    assertThat(b.getLong(0)).isEqualTo(expected);
                    assertThat(b.getLong(8)).isEqualTo(expected * 3);
                    expected++;
                }
            }
            assertThat(dropCount()).isZero();
            assertThat(reader.consumedRecords()).isEqualTo(50 * 150);
        }
    }

    @Test
    void aFullRingDropsAndEveryDropIsCounted() {
        try (BpfProgram prog = load(Producers.ringbufOutput(2)); RingBufReader reader = RingBufReader.open(ring)) {
            run(prog, 1000);
            int read = reader.consume(r -> { });
            assertThat(read).isEqualTo(4096 / 24);
            assertThat(read + dropCount()).isEqualTo(1000);
        }
    }

    @Test
    void discardedRecordsAreSkipped() {
        try (BpfProgram prog = load(Producers.reserveDiscardOdd()); RingBufReader reader = RingBufReader.open(ring)) {
            run(prog, 40);
            List<Long> seen = new ArrayList<>();
            reader.consume(r -> seen.add(r.getLong(0)));
            assertThat(seen).isEqualTo(java.util.stream.LongStream.range(0, 40).filter(i -> i % 2 == 0).boxed().toList());
            assertThat(reader.discardedRecords()).isEqualTo(20);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aWaitingPollWakesWhenAnotherThreadProduces() throws Exception {
        try (BpfProgram prog = load(Producers.ringbufOutput(1)); RingBufReader reader = RingBufReader.open(ring)) {
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                run(prog, 3);
            });
            List<Long> seen = new ArrayList<>();
            while (seen.size() < 3) {
                reader.poll(r -> seen.add(r.getLong(0)), -1); // no limit: only the kernel's wakeup ends it
            }
            producer.join();
            assertThat(seen).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void pollTimesOutOnAnEmptyRing() {
        try (RingBufReader reader = RingBufReader.open(ring)) {
            assertThat(reader.poll(r -> { }, 50)).isZero();
        }
    }

    @Test
    void aRecordViewDiesWithTheReader() {
        java.nio.ByteBuffer[] kept = new java.nio.ByteBuffer[1];
        try (BpfProgram prog = load(Producers.ringbufOutput(2)); RingBufReader reader = RingBufReader.open(ring)) {
            run(prog, 1);
            reader.consume(r -> kept[0] = r);
        }
        assertThatThrownBy(() -> kept[0].getLong(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whileOpenTheRingIsMappedAndAfterwardsNot() {
        List<String> before = NoMappingsLeft.ringMappings();
        try (RingBufReader reader = RingBufReader.open(ring)) {
            assertThat(NoMappingsLeft.ringMappings()).hasSizeGreaterThan(before.size());
        }
        assertThat(NoMappingsLeft.ringMappings()).isEqualTo(before);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void closingUnderARacingReaderGivesItAnExceptionNotAFault() throws Exception {
        RingBufReader reader = RingBufReader.open(ring);
        Throwable[] ended = new Throwable[1];
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Thread t = Thread.ofPlatform().start(() -> {
            started.countDown();
            try {
                while (true) {
                    reader.consume(r -> { });
                    reader.pending();
                }
            } catch (Throwable e) {
                ended[0] = e;
            }
        });
        started.await();
        Thread.sleep(20);
        reader.close();
        t.join();
        assertThat(ended[0]).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesMapsThatAreNotRingBuffers() {
        assertThatThrownBy(() -> RingBufReader.open(seq)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a RINGBUF");
    }
}

package dev.bpf4j.bench;

import dev.bpf4j.asm.ProgramBuilder;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.TestRunOptions;
import dev.bpf4j.kernel.read.RingBufReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Events per second from one BPF ring buffer to a Java consumer, every event accounted for. A producer
 * thread runs an XDP program through BPF_PROG_TEST_RUN with a repeat count (each repeat is one run, one
 * {@code bpf_ringbuf_output} of an 8-byte sequence number); failed outputs (ring full) are counted by the
 * program in a per-CPU array. A platform consumer thread reads the ring with {@link RingBufReader},
 * touching every record. At the end produced = consumed + dropped must hold, and the consumed sequence
 * numbers must be strictly increasing.
 *
 * <p>Run as root: {@code java --enable-native-access=ALL-UNNAMED -cp bpf4j-bench/target/benchmarks.jar
 * dev.bpf4j.bench.RingBufThroughput [events] [ringBytes] [recordBytes]}.
 */
public final class RingBufThroughput {
    private static final int BPF_FUNC_MAP_LOOKUP_ELEM = 1;
    private static final int BPF_FUNC_RINGBUF_OUTPUT = 130;

    private RingBufThroughput() {
    }

    /** Runs the measurement; arguments: events (default 20M), ring size (8 MiB), record size (8). */
    public static void main(String[] args) throws InterruptedException {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int ringBytes = args.length > 1 ? Integer.parseInt(args[1]) : 8 << 20;
        int recordBytes = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Result warm = measure(Math.min(events, 2_000_000L), ringBytes, recordBytes);
        System.out.println("warm-up: " + warm);
        for (int i = 0; i < 3; i++) {
            System.out.println(measure(events, ringBytes, recordBytes));
        }
    }

    /** One measurement's figures. */
    public record Result(long produced, long consumed, long dropped, boolean ordered, double seconds) {
        /** Consumed events per second. */
        public double eventsPerSecond() {
            return consumed / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "produced=%d consumed=%d dropped=%d accounted=%s ordered=%s"
                            + " seconds=%.3f consumed_per_s=%.0f", produced, consumed, dropped,
                    produced == consumed + dropped, ordered, seconds, eventsPerSecond());
        }
    }

    /** The producer: seq = t_seq++ (atomic); ringbuf_output(&seq, recordBytes); on failure t_drops[cpu]++. */
    static Program producer(int recordBytes) {
        int words = Math.max(1, recordBytes / 8);
        return ProgramBuilder.build(b -> {
            b.ldMapValue(Reg.R6, "t_seq", 0);
            b.mov64(Reg.R7, 1);
            b.atomic(AtomicOp.ADD, true, MemSize.DW, Reg.R6, 0, Reg.R7);
            for (int i = 0; i < words; i++) {
                b.stx(MemSize.DW, Reg.R10, -8 * words + 8 * i, Reg.R7);
            }
            b.ldMap(Reg.R1, "t_rb");
            b.mov64(Reg.R2, Reg.R10);
            b.add64(Reg.R2, -8 * words);
            b.mov64(Reg.R3, 8 * words);
            b.mov64(Reg.R4, 0);
            b.call(BPF_FUNC_RINGBUF_OUTPUT);
            b.jeq(Reg.R0, 0, "out");
            b.st(MemSize.W, Reg.R10, -8 * words - 4, 0);
            b.ldMap(Reg.R1, "t_drops");
            b.mov64(Reg.R2, Reg.R10);
            b.add64(Reg.R2, -8 * words - 4);
            b.call(BPF_FUNC_MAP_LOOKUP_ELEM);
            b.jeq(Reg.R0, 0, "out");
            b.ldx(MemSize.DW, Reg.R1, Reg.R0, 0);
            b.add64(Reg.R1, 1);
            b.stx(MemSize.DW, Reg.R0, 0, Reg.R1);
            b.label("out");
            b.mov64(Reg.R0, 2);
            b.exit();
        });
    }

    /** Produces {@code events} events and consumes them concurrently. */
    public static Result measure(long events, int ringBytes, int recordBytes) throws InterruptedException {
        try (BpfMap ring = BpfMap.create(MapSpec.of("bench_rb", MapType.RINGBUF, 0, 0, ringBytes));
             BpfMap seq = BpfMap.create(MapSpec.of("bench_seq", MapType.ARRAY, 4, 8, 1));
             BpfMap drops = BpfMap.create(MapSpec.of("bench_drops", MapType.PERCPU_ARRAY, 4, 8, 1));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("bench_rb_prod", ProgramType.XDP, producer(recordBytes)),
                     Map.of("t_rb", ring, "t_seq", seq, "t_drops", drops), LoadOptions.DEFAULT);
             RingBufReader reader = RingBufReader.open(ring)) {
            AtomicBoolean producing = new AtomicBoolean(true);
            long[] consumed = new long[1];
            long[] last = {-1};
            boolean[] ordered = {true};
            Thread consumer = Thread.ofPlatform().name("ringbuf-consumer").start(() -> {
                while (true) {
                    boolean more = producing.get();
                    reader.poll(r -> {
                        long s = r.getLong(0);
                        if (s <= last[0]) {
                            ordered[0] = false;
                        }
                        last[0] = s;
                        consumed[0]++;
                    }, 10);
                    if (!more && reader.pending() == 0) {
                        return;
                    }
                }
            });
            int chunk = 1_000_000;
            long start = System.nanoTime();
            TestRunOptions packet = new TestRunOptions(new byte[64], 0, null, 0, chunk);
            for (long done = 0; done < events; done += chunk) {
                prog.testRun(done + chunk <= events ? packet
                        : new TestRunOptions(new byte[64], 0, null, 0, (int) (events - done)));
            }
            producing.set(false);
            consumer.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            long produced = ByteBuffer.wrap(seq.lookup(new byte[4]).orElseThrow()).order(ByteOrder.nativeOrder()).getLong();
            long dropped = 0;
            List<byte[]> perCpu = drops.lookupPerCpu(new byte[4]).orElseThrow();
            for (byte[] v : perCpu) {
                dropped += ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getLong();
            }
            return new Result(produced, consumed[0], dropped, ordered[0], seconds);
        }
    }
}

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
import dev.bpf4j.kernel.PossibleCpus;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.TestRunOptions;
import dev.bpf4j.kernel.read.PerfBufReader;
import dev.bpf4j.kernel.read.PerfRecordHandler;

import java.nio.ByteBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The perf buffer counterpart of {@link RingBufThroughput}: an XDP program run by BPF_PROG_TEST_RUN calls
 * {@code bpf_perf_event_output} with an 8-byte sequence number (failures counted in a per-CPU array), a
 * platform thread reads with {@link PerfBufReader}; the kernel's lost-sample reports are totalled too.
 *
 * <p>Run as root: {@code java --enable-native-access=ALL-UNNAMED -cp bpf4j-bench/target/benchmarks.jar
 * dev.bpf4j.bench.PerfBufThroughput [events] [pagesPerCpu]}.
 */
public final class PerfBufThroughput {
    private PerfBufThroughput() {
    }

    /** Runs the measurement; arguments: events (default 10M), data pages per CPU (256). */
    public static void main(String[] args) throws InterruptedException {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        System.out.println("warm-up: " + measure(Math.min(events, 1_000_000L), pages));
        for (int i = 0; i < 3; i++) {
            System.out.println(measure(events, pages));
        }
    }

    static Program producer() {
        return ProgramBuilder.build(b -> {
            b.mov64(Reg.R8, Reg.R1);
            b.ldMapValue(Reg.R6, "t_seq", 0);
            b.mov64(Reg.R7, 1);
            b.atomic(AtomicOp.ADD, true, MemSize.DW, Reg.R6, 0, Reg.R7);
            b.stx(MemSize.DW, Reg.R10, -8, Reg.R7);
            b.mov64(Reg.R1, Reg.R8);
            b.ldMap(Reg.R2, "t_perf");
            b.lddw(Reg.R3, 0xffffffffL);
            b.mov64(Reg.R4, Reg.R10);
            b.add64(Reg.R4, -8);
            b.mov64(Reg.R5, 8);
            b.call(25); // bpf_perf_event_output
            b.jeq(Reg.R0, 0, "out");
            b.st(MemSize.W, Reg.R10, -12, 0);
            b.ldMap(Reg.R1, "t_drops");
            b.mov64(Reg.R2, Reg.R10);
            b.add64(Reg.R2, -12);
            b.call(1); // bpf_map_lookup_elem
            b.jeq(Reg.R0, 0, "out");
            b.ldx(MemSize.DW, Reg.R1, Reg.R0, 0);
            b.add64(Reg.R1, 1);
            b.stx(MemSize.DW, Reg.R0, 0, Reg.R1);
            b.label("out");
            b.mov64(Reg.R0, 2);
            b.exit();
        });
    }

    /** Produces {@code events} samples and reads them concurrently; returns the figures as a line. */
    public static String measure(long events, int pages) throws InterruptedException {
        try (BpfMap perf = BpfMap.create(MapSpec.of("bench_perf", MapType.PERF_EVENT_ARRAY, 4, 4, PossibleCpus.count()));
             BpfMap seq = BpfMap.create(MapSpec.of("bench_seq", MapType.ARRAY, 4, 8, 1));
             BpfMap drops = BpfMap.create(MapSpec.of("bench_drops", MapType.PERCPU_ARRAY, 4, 8, 1));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("bench_perf_prod", ProgramType.XDP, producer()),
                     Map.of("t_perf", perf, "t_seq", seq, "t_drops", drops), LoadOptions.DEFAULT);
             PerfBufReader reader = PerfBufReader.open(perf, pages)) {
            AtomicBoolean producing = new AtomicBoolean(true);
            long[] consumed = new long[1];
            PerfRecordHandler handler = new PerfRecordHandler() {
                @Override
                public void onSample(int cpu, ByteBuffer data) {
                    if (data.getLong(0) >= 0) {
                        consumed[0]++;
                    }
                }
            };
            Thread consumer = Thread.ofPlatform().name("perfbuf-consumer").start(() -> {
                while (true) {
                    boolean more = producing.get();
                    reader.poll(handler, 10);
                    if (!more && reader.pending() == 0) {
                        return;
                    }
                }
            });
            int chunk = 1_000_000;
            long start = System.nanoTime();
            for (long done = 0; done < events; done += chunk) {
                prog.testRun(new TestRunOptions(new byte[64], 0, null, 0, (int) Math.min(chunk, events - done)));
            }
            producing.set(false);
            consumer.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            long produced = ByteBuffer.wrap(seq.lookup(new byte[4]).orElseThrow()).order(ByteOrder.nativeOrder()).getLong();
            long dropped = 0;
            for (byte[] v : drops.lookupPerCpu(new byte[4]).orElseThrow()) {
                dropped += ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getLong();
            }
            return String.format(Locale.ROOT, "produced=%d consumed=%d dropped=%d (kernel-reported lost so far %d)"
                            + " accounted=%s seconds=%.3f consumed_per_s=%.0f", produced, consumed[0], dropped,
                    reader.lostSamples(), produced == consumed[0] + dropped, seconds, consumed[0] / seconds);
        }
    }
}

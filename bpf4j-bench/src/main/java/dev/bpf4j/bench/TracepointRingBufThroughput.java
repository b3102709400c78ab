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
import dev.bpf4j.kernel.link.Tracepoint;
import dev.bpf4j.kernel.read.RingBufReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Events per second from one BPF ring buffer to a Java consumer when the events come from a real
 * tracepoint, every event accounted for. Unlike {@link RingBufThroughput}, whose producer is
 * BPF_PROG_TEST_RUN, here the producer is {@code syscalls:sys_enter_getppid} fired by a C load generator
 * ({@link SyscallLoad}) calling {@code getppid} n times; so the figure includes the tracepoint's own cost
 * and is comparable with bpftrace on the same load.
 *
 * <p>The program keeps only the generator's events (tgid baked into the program as an immediate, known
 * before the generator's loop starts), takes a sequence number from an atomic counter (so the counter is
 * the number of matching events), and outputs a 16-byte record (sequence, {@code bpf_ktime_get_ns}); a
 * failed output (ring full) is counted in a per-CPU array. A platform thread consumes with
 * {@link RingBufReader}, touching every record. At the end: matched = n, matched = consumed + dropped, and
 * the consumed sequence numbers strictly increasing. The generator's syscall rate is measured with no
 * program attached too, so the tracepoint's cost shows.
 *
 * <p>Run as root: {@code java --enable-native-access=ALL-UNNAMED -cp bpf4j-bench/target/benchmarks.jar
 * dev.bpf4j.bench.TracepointRingBufThroughput [events] [ringBytes...]}.
 */
public final class TracepointRingBufThroughput {
    private static final int BPF_FUNC_MAP_LOOKUP_ELEM = 1;
    private static final int BPF_FUNC_KTIME_GET_NS = 5;
    private static final int BPF_FUNC_GET_CURRENT_PID_TGID = 14;
    private static final int BPF_FUNC_RINGBUF_OUTPUT = 130;

    /**
     * {@code -Dwakeup=no} passes BPF_RB_NO_WAKEUP: without it, a consumer that keeps up is woken (an
     * irq_work) for nearly every record, which the producing syscall pays for; with it, the consumer relies
     * on its 10 ms poll timeout.
     */
    private static final int FLAGS = "no".equals(System.getProperty("wakeup")) ? 1 : 0;

    private TracepointRingBufThroughput() {
    }

    /** Runs the measurement; arguments: events (default 10M), then ring sizes (default 1 MiB and 8 MiB). */
    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int[] rings = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1 << 20, 8 << 20};
        SyscallLoad load = SyscallLoad.compile();
        System.out.println("flags=" + FLAGS);
        System.out.printf(Locale.ROOT, "attached, filtered out (tgid 1): generator_calls_per_s=%.0f%n",
                filteredOut(load, events));
        System.out.println("warm-up: " + measure(load, Math.min(events, 1_000_000L), rings[0]));
        for (int ring : rings) {
            for (int i = 0; i < 3; i++) {
                System.out.printf(Locale.ROOT, "no program: n=%d generator_calls_per_s=%.0f%n", events,
                        bare(load, events));
                System.out.println(measure(load, events, ring));
            }
        }
    }

    /** One measurement's figures. */
    public record Result(int ringBytes, long events, long matched, long consumed, long dropped, boolean ordered,
                         double seconds, double generatorSeconds) {
        /** Consumed events per second, from release of the generator until the ring is drained. */
        public double eventsPerSecond() {
            return consumed / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ring=%dKiB n=%d matched=%d consumed=%d dropped=%d"
                            + " accounted=%s ordered=%s seconds=%.3f consumed_per_s=%.0f"
                            + " generator_calls_per_s=%.0f",
                    ringBytes / 1024, events, matched, consumed, dropped,
                    matched == events && matched == consumed + dropped, ordered, seconds, eventsPerSecond(),
                    events / generatorSeconds);
        }
    }

    /**
     * The program: if (pid_tgid >> 32 != tgid) return; rec.seq = t_seq++ (atomic fetch-add);
     * rec.ns = ktime; if (ringbuf_output(t_rb, &rec, 16, 0) != 0) t_drops[cpu]++.
     */
    static Program producer(long tgid, int flags) {
        return ProgramBuilder.build(b -> {
            b.call(BPF_FUNC_GET_CURRENT_PID_TGID);
            b.rsh64(Reg.R0, 32);
            b.jne(Reg.R0, (int) tgid, "out");
            b.ldMapValue(Reg.R6, "t_seq", 0);
            b.mov64(Reg.R7, 1);
            b.atomic(AtomicOp.ADD, true, MemSize.DW, Reg.R6, 0, Reg.R7);
            b.stx(MemSize.DW, Reg.R10, -16, Reg.R7);
            b.call(BPF_FUNC_KTIME_GET_NS);
            b.stx(MemSize.DW, Reg.R10, -8, Reg.R0);
            b.ldMap(Reg.R1, "t_rb");
            b.mov64(Reg.R2, Reg.R10);
            b.add64(Reg.R2, -16);
            b.mov64(Reg.R3, 16);
            b.mov64(Reg.R4, flags);
            b.call(BPF_FUNC_RINGBUF_OUTPUT);
            b.jeq(Reg.R0, 0, "out");
            b.st(MemSize.W, Reg.R10, -20, 0);
            b.ldMap(Reg.R1, "t_drops");
            b.mov64(Reg.R2, Reg.R10);
            b.add64(Reg.R2, -20);
            b.call(BPF_FUNC_MAP_LOOKUP_ELEM);
            b.jeq(Reg.R0, 0, "out");
            b.ldx(MemSize.DW, Reg.R1, Reg.R0, 0);
            b.add64(Reg.R1, 1);
            b.stx(MemSize.DW, Reg.R0, 0, Reg.R1);
            b.label("out");
            b.mov64(Reg.R0, 0);
            b.exit();
        });
    }

    /** The generator's getppid calls per second with nothing attached. */
    static double bare(SyscallLoad load, long events) throws IOException, InterruptedException {
        SyscallLoad.Run run = load.start(events);
        run.release();
        return events / (run.awaitNanos() / 1e9);
    }

    /**
     * The generator's rate with the program attached but filtering on another tgid (1): the cost of the
     * tracepoint and the pid test alone, without a ring output.
     */
    static double filteredOut(SyscallLoad load, long events) throws Exception {
        try (BpfMap ring = BpfMap.create(MapSpec.of("tp_rb", MapType.RINGBUF, 0, 0, 1 << 20));
             BpfMap seq = BpfMap.create(MapSpec.of("tp_seq", MapType.ARRAY, 4, 8, 1));
             BpfMap drops = BpfMap.create(MapSpec.of("tp_drops", MapType.PERCPU_ARRAY, 4, 8, 1));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("tp_rb_prod", ProgramType.TRACEPOINT,
                     producer(1, FLAGS)), Map.of("t_rb", ring, "t_seq", seq, "t_drops", drops),
                     LoadOptions.DEFAULT);
             AutoCloseable link = Tracepoint.attach(prog, "syscalls", "sys_enter_getppid")) {
            return bare(load, events);
        }
    }

    /** Traces {@code events} getppid calls of a fresh generator and consumes them concurrently. */
    public static Result measure(SyscallLoad load, long events, int ringBytes) throws Exception {
        SyscallLoad.Run run = load.start(events);
        try (BpfMap ring = BpfMap.create(MapSpec.of("tp_rb", MapType.RINGBUF, 0, 0, ringBytes));
             BpfMap seq = BpfMap.create(MapSpec.of("tp_seq", MapType.ARRAY, 4, 8, 1));
             BpfMap drops = BpfMap.create(MapSpec.of("tp_drops", MapType.PERCPU_ARRAY, 4, 8, 1));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("tp_rb_prod", ProgramType.TRACEPOINT,
                     producer(run.pid(), FLAGS)), Map.of("t_rb", ring, "t_seq", seq, "t_drops", drops),
                     LoadOptions.DEFAULT);
             RingBufReader reader = RingBufReader.open(ring);
             AutoCloseable link = Tracepoint.attach(prog, "syscalls", "sys_enter_getppid")) {
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
            long start = System.nanoTime();
            run.release();
            long generatorNanos = run.awaitNanos();
            producing.set(false);
            consumer.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            long matched = ByteBuffer.wrap(seq.lookup(new byte[4]).orElseThrow())
                    .order(ByteOrder.nativeOrder()).getLong();
            long dropped = 0;
            for (byte[] v : drops.lookupPerCpu(new byte[4]).orElseThrow()) {
                dropped += ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getLong();
            }
            return new Result(ringBytes, events, matched, consumed[0], dropped, ordered[0], seconds,
                    generatorNanos / 1e9);
        }
    }
}

package dev.bpf4j.kernel.examples;

import static dev.bpf4j.isa.Reg.R0;
import static dev.bpf4j.isa.Reg.R1;
import static dev.bpf4j.isa.Reg.R2;
import static dev.bpf4j.isa.Reg.R3;
import static dev.bpf4j.isa.Reg.R4;
import static dev.bpf4j.isa.Reg.R10;

import dev.bpf4j.asm.ProgramBuilder;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.link.Link;
import dev.bpf4j.kernel.link.Tracepoint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's worked example: counts {@code openat} calls per process name on the
 * {@code syscalls:sys_enter_openat} tracepoint with a program written in the builder DSL (no C, no clang),
 * then prints the top ten. Run as root: {@code main} traces for the seconds given (default 5).
 */
public final class OpenatTopTen {
    private OpenatTopTen() {
    }

    /** The program: {@code counts[comm] += 1}, inserting 1 the first time a name is seen. */
    static Program countByComm() {
        return ProgramBuilder.build(b -> b
                .mov64(R1, R10).add64(R1, -16).mov64(R2, 16).call(16)        // bpf_get_current_comm(fp-16, 16)
                .ldMap(R1, "counts").mov64(R2, R10).add64(R2, -16).call(1)   // bpf_map_lookup_elem(counts, fp-16)
                .jeq(R0, 0, "first")
                .mov64(R1, 1).atomicAdd64(R0, 0, R1)                          // lock *(u64 *)(r0 + 0) += 1
                .ja("out")
                .label("first")
                .st(MemSize.DW, R10, -24, 1)                                  // *(u64 *)(fp-24) = 1
                .ldMap(R1, "counts").mov64(R2, R10).add64(R2, -16)
                .mov64(R3, R10).add64(R3, -24).mov64(R4, 1).call(2)          // update(counts, key, 1, BPF_NOEXIST)
                .label("out")
                .mov64(R0, 0).exit());
    }

    /** Traces for {@code millis} and returns up to ten process names with their openat counts, most first. */
    public static Map<String, Long> topTen(long millis) throws InterruptedException {
        try (BpfMap counts = BpfMap.create(MapSpec.of("counts", MapType.HASH, 16, 8, 10240));
             BpfProgram program = BpfProgram.load(ProgramSpec.of("openat_count", ProgramType.TRACEPOINT,
                     countByComm()), Map.of("counts", counts), LoadOptions.DEFAULT);
             Link link = Tracepoint.attach(program, "syscalls", "sys_enter_openat")) {
            Thread.sleep(millis);
            Map<String, Long> byName = new LinkedHashMap<>();
            for (byte[] key : counts.keys()) {
                counts.lookup(key).ifPresent(value -> byName.merge(comm(key),
                        ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getLong(), Long::sum));
            }
            Map<String, Long> top = new LinkedHashMap<>();
            byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(10).forEach(e -> top.put(e.getKey(), e.getValue()));
            return top;
        }
    }

    private static String comm(byte[] key) {
        int end = 0;
        while (end < key.length && key[end] != 0) {
            end++;
        }
        return new String(key, 0, end, StandardCharsets.UTF_8);
    }

    /** Traces for {@code args[0]} seconds (default 5) and prints the table. */
    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        System.out.printf("%-16s %10s%n", "COMM", "OPENAT");
        topTen(seconds * 1000).forEach((comm, n) -> System.out.printf("%-16s %10d%n", comm, n));
    }
}

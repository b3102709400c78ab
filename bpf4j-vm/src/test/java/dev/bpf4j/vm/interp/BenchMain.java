package dev.bpf4j.vm.interp;

import dev.bpf4j.vm.SharedData;

import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A quick timing of the three shared benchmark programs (not a test; JMH figures live in bpf4j-bench):
 * warms up, then prints for each run the time, executed instructions and ns per instruction.
 * Run: {@code java -cp ... dev.bpf4j.vm.interp.BenchMain [runs] [program...]}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Times each named program (default: all three). */
    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] names = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"alu_loop", "sieve", "pkt_parse"};
        Path dir = SharedData.dir().resolve("bench");
        for (String name : names) {
            Program p = Program.decode(Files.readAllBytes(dir.resolve(name + ".bin")), ByteOrder.LITTLE_ENDIAN);
            byte[] mem = Files.readAllBytes(dir.resolve(name + ".mem"));
            Interpreter vm = Interpreter.of(p);
            double best = Double.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                byte[] copy = mem.clone();
                long t0 = System.nanoTime();
                long r0 = vm.run(copy);
                long t = System.nanoTime() - t0;
                long n = vm.executedInstructions();
                double per = (double) t / n;
                best = Math.min(best, per);
                System.out.printf("%-10s run %d: r0=0x%x  %d insns  %.1f ms  %.3f ns/insn%n", name, i, r0, n, t / 1e6, per);
            }
            System.out.printf("%-10s best %.3f ns/insn%n", name, best);
        }
    }
}

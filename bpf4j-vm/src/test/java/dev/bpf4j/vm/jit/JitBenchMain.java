package dev.bpf4j.vm.jit;

import dev.bpf4j.vm.SharedData;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.interp.Interpreter;
import java.io.IOException;
import java.util.Arrays;

/**
 * A quick side-by-side timing of the three shared benchmark programs on the JIT (not a test; nothing is
 * asserted): compiles each (printing the first compile time and the median of 20 more), warms up, then prints min and median of the timed
 * runs in milliseconds, the format of {@code bpf4j-bench/native/run_native.c}, and ns per instruction using
 * the count of the run. Run: {@code java -cp ... dev.bpf4j.vm.jit.JitBenchMain [runs] [program...]}.
 */
public final class JitBenchMain {
    private JitBenchMain() {
    }

    /** Times each named program (default: all three). */
    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String[] names = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"alu_loop", "sieve", "pkt_parse"};
        for (String name : names) {
            Program p = SharedData.bench(name);
            byte[] mem = SharedData.benchMem(name);
            long c0 = System.nanoTime();
            JitProgram jit = JitProgram.of(p);
            long compile = System.nanoTime() - c0;
            double[] warm = new double[20];
            for (int i = 0; i < warm.length; i++) {
                long w0 = System.nanoTime();
                JitProgram.of(p);
                warm[i] = (System.nanoTime() - w0) / 1e6;
            }
            Arrays.sort(warm);
            Interpreter vm = Interpreter.of(p);
            vm.run(mem.clone());
            long insns = vm.executedInstructions();
            for (int i = 0; i < Math.max(5, runs / 2); i++) {
                jit.run(mem.clone());
            }
            double[] ms = new double[runs];
            long r0 = 0;
            for (int i = 0; i < runs; i++) {
                byte[] copy = mem.clone();
                long t0 = System.nanoTime();
                r0 = jit.run(copy);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-10s r0=0x%x compile: first %.2f ms, warm median %.2f ms (class %d bytes); min_ms=%.3f"
                    + " median_ms=%.3f ns/insn=%.3f (insns %d, jit count %d)%n", name, r0, compile / 1e6,
                    warm[warm.length / 2], jit.classSize(), ms[0], ms[runs / 2], ms[0] * 1e6 / insns, insns,
                    jit.executedInstructions());
        }
    }
}

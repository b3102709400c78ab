package dev.bpf4j.bench;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.interp.Interpreter;
import dev.bpf4j.vm.jit.JitProgram;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interpreter and the JIT on the three compute-bound programs of {@code shared/bench}: one whole program
 * run per operation, on a fresh copy of its input memory (the copy is made in a per-invocation setup, not
 * timed). Each engine/program pair runs in its own fork, so HotSpot sees one engine at a time. Divide the
 * score by the instructions a run executes ({@code bpf4j exec --time} prints them) for ns/instruction;
 * {@code vs-gcc.sh} puts the same figures beside gcc -O2.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VmBenchmark {
    @Param({"interpreter", "jit"})
    public String engine;

    @Param({"alu_loop", "sieve", "pkt_parse"})
    public String program;

    private ToLongFunction<byte[]> runner;
    private byte[] original;
    private byte[] mem;

    /** Loads (and for the JIT, compiles) the program and its memory from {@code $BPF4J_SHARED_DIR/bench}. */
    @Setup(Level.Trial)
    public void load() throws IOException {
        String shared = System.getenv().getOrDefault("BPF4J_SHARED_DIR", "../shared");
        Path bench = Path.of(shared, "bench");
        Program p = Program.decode(Files.readAllBytes(bench.resolve(program + ".bin")), ByteOrder.LITTLE_ENDIAN);
        runner = switch (engine) {
            case "interpreter" -> Interpreter.of(p, VmOptions.defaults())::run;
            case "jit" -> JitProgram.of(p, VmOptions.defaults())::run;
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
        original = Files.readAllBytes(bench.resolve(program + ".mem"));
    }

    /** A fresh copy of the input for each run (programs like sieve write to it). */
    @Setup(Level.Invocation)
    public void freshMemory() {
        mem = original.clone();
    }

    /** One full run of the program; returns r0 so it cannot be optimized away. */
    @Benchmark
    public long run() {
        return runner.applyAsLong(mem);
    }
}

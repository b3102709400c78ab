package dev.bpf4j.cli.vm;

import dev.bpf4j.BpfException;
import dev.bpf4j.cli.ExitCode;
import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.VmOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import dev.bpf4j.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bpf4j exec PROGRAM}: runs a program in the userspace VM and prints r0 in hex. The input memory
 * (r1 = its address, r2 = its length) is fresh for every repeat. With {@code --time} a last line gives
 * the run times, which exclude start-up, loading and the memory copy.
 */
@Command(name = "exec", description = {
    "Run an eBPF program in the userspace VM and print r0 in hex.",
    "PROGRAM is raw bytecode, assembly text (uBPF or LLVM syntax) or an eBPF ELF object."},
        footer = {"", "Examples:",
            "  bpf4j exec prog.s",
            "  bpf4j exec prog.bin --mem 'aa bb cc dd'",
            "  bpf4j exec ../shared/bench/alu_loop.bpf.o --mem-file ../shared/bench/alu_loop.mem --repeat 5 --time"})
public final class ExecCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PROGRAM", description = "Program file: .bin (raw), .s (assembly) or .o (ELF).")
    Path program;

    @Option(names = "--section", paramLabel = "NAME", description = "ELF section to run (default: .text).")
    String section;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interpreter",
            description = "Engine to run on: interpreter (default; starts at once), jit (compiles to JVM bytecode;"
                    + " near native speed for long or repeated runs, same results) or kernel (BPF_PROG_TEST_RUN"
                    + " in the running kernel, its verifier included; needs root).")
    String engine;

    @Option(names = "--mem", paramLabel = "HEX", description = "Input memory as hex bytes, e.g. '01 02 ff'.")
    String memHex;

    @Option(names = "--mem-file", paramLabel = "PATH", description = "Input memory from a file.")
    Path memFile;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Run N times (default 1).")
    int repeat;

    @Option(names = "--time", description = "Print 'result=0x… min_ms=… median_ms=…' over the repeats.")
    boolean time;

    @Override
    public Integer call() throws IOException {
        if (memHex != null && memFile != null) {
            throw new BpfException("give either --mem or --mem-file, not both");
        }
        if (repeat < 1) {
            throw new BpfException("--repeat must be at least 1, not " + repeat);
        }
        byte[] mem = memFile != null ? Files.readAllBytes(memFile)
                : memHex != null ? Hex.parse(memHex, "--mem") : null;
        Program loaded = ProgramFile.load(program, section);
        try (Engine.Prepared prepared = Engine.parse(engine).prepare(loaded, VmOptions.defaults())) {
            long[] nanos = new long[repeat];
            long r0 = 0;
            for (int i = 0; i < repeat; i++) {
                byte[] input = mem == null ? null : mem.clone();
                long start = System.nanoTime();
                r0 = prepared.run(input);
                nanos[i] = System.nanoTime() - start;
            }
            PrintStream out = System.out;
            out.println(ConformanceRunner.hex(r0));
            if (time) {
                Arrays.sort(nanos);
                long insns = prepared.executedInstructions();
                double minNs = nanos[0];
                double median = repeat % 2 == 1 ? nanos[repeat / 2] : (nanos[repeat / 2 - 1] + nanos[repeat / 2]) / 2.0;
                out.printf(Locale.ROOT, "instructions=%d min_ns_per_insn=%.2f%n", insns, insns == 0 ? 0.0 : minNs / insns);
                out.printf(Locale.ROOT, "result=%s min_ms=%.3f median_ms=%.3f%n", ConformanceRunner.hex(r0),
                        minNs / 1e6, median / 1e6);
            }
        }
        return ExitCode.OK;
    }
}

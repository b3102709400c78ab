package dev.bpf4j.cli.vm;

import dev.bpf4j.BpfException;
import dev.bpf4j.FormatException;
import dev.bpf4j.cli.ExitCode;
import dev.bpf4j.vm.VmOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import dev.bpf4j.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bpf4j conformance DIR}: runs a directory (or file) of conformance-suite {@code .data} tests. */
@Command(name = "conformance", description = {
    "Run eBPF conformance tests (the bpf_conformance .data format): one line per failure with its reason,",
    "then 'N passed, M failed'. Exits non-zero if anything failed."},
        footer = {"", "Example:", "  bpf4j conformance ../shared/conformance/tests"})
public final class ConformanceCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DIR", description = "A directory of .data files, or one .data file.")
    Path dir;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interpreter",
            description = "Engine to run on: interpreter (default; starts at once), jit (compiles to JVM bytecode;"
                    + " near native speed for long or repeated runs, same results) or kernel (BPF_PROG_TEST_RUN"
                    + " in the running kernel, its verifier included; needs root).")
    String engine;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        ConformanceRunner runner = new ConformanceRunner(Engine.parse(engine), VmOptions.defaults());
        int passed = 0;
        int failed = 0;
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            ConformanceRunner.Verdict verdict;
            try {
                verdict = runner.judge(ConformanceFile.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (FormatException e) {
                String reason = e.getMessage().startsWith(name + ": ")
                        ? e.getMessage().substring(name.length() + 2) : e.getMessage();
                verdict = new ConformanceRunner.Verdict(name, "bad test file: " + reason);
            }
            if (verdict.passed()) {
                passed++;
                if (common.verbose) {
                    out.println("PASS " + name);
                }
            } else {
                failed++;
                out.println("FAIL " + name + ": " + verdict.reason());
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new BpfException(dir + ": no such directory");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".data")).sorted().toList();
            if (files.isEmpty()) {
                throw new BpfException(dir + ": no .data files in this directory");
            }
            return files;
        }
    }
}

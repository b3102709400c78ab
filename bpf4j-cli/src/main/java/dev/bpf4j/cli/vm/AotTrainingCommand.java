package dev.bpf4j.cli.vm;

import dev.bpf4j.cli.ExitCode;
import dev.bpf4j.cli.Main;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Hidden: the workload the launcher runs once after a build to record the JDK AOT cache. It drives the
 * common commands in-process so their classes are loaded and linked while the cache is recorded.
 */
@Command(name = "aot-training", hidden = true, description = "Record the start-up AOT cache (used by ./bpf4j).")
public final class AotTrainingCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A scratch directory holding t.s.")
    Path dir;

    @Override
    public Integer call() {
        String source = dir.resolve("t.s").toString();
        String bin = dir.resolve("t.bin").toString();
        Main.run("--help");
        Main.run("asm", source, "-o", bin);
        Main.run("disasm", bin);
        Main.run("disasm", bin, "--syntax", "ubpf");
        Main.run("exec", source, "--mem", "01 02 03 04");
        Main.run("exec", bin, "--repeat", "3", "--time");
        return ExitCode.OK;
    }
}

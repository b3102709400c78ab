package dev.bpf4j.cli.vm;

import dev.bpf4j.asm.Assembler;
import dev.bpf4j.cli.ExitCode;
import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.bpf4j.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bpf4j asm FILE.s}: assembles uBPF- or LLVM-syntax text into raw little-endian bytecode. */
@Command(name = "asm", description = {
    "Assemble eBPF assembly (uBPF syntax 'mov32 %%r0, 0' or LLVM syntax 'w0 = 0', with labels)",
    "into raw little-endian bytecode: FILE.bin beside FILE.s unless -o is given."},
        footer = {"", "Example:", "  bpf4j asm prog.s -o prog.bin"})
public final class AsmCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.s", description = "Assembly source ('-' for standard input).")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.bin", description = "Output file ('-' for stdout).")
    Path output;

    @Override
    public Integer call() throws IOException {
        boolean stdin = source.toString().equals("-");
        String text = stdin ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(source);
        Program program = Assembler.assemble(text);
        byte[] bytes = program.toBytes();
        Path out = output != null ? output : stdin ? Path.of("-") : Path.of(binName(source.toString()));
        if (out.toString().equals("-")) {
            System.out.write(bytes);
            System.out.flush();
        } else {
            Files.write(out, bytes);
        }
        return ExitCode.OK;
    }

    private static String binName(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return (dot > slash ? name.substring(0, dot) : name) + ".bin";
    }
}

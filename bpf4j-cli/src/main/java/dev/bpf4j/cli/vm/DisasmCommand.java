package dev.bpf4j.cli.vm;

import dev.bpf4j.asm.Disassembler;
import dev.bpf4j.asm.Syntax;
import dev.bpf4j.cli.ExitCode;
import dev.bpf4j.elf.ElfFile;
import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.bpf4j.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bpf4j disasm FILE}: prints a program as {@code llvm-objdump -d} does (LLVM syntax, slot numbers,
 * bytes; for objects, every code section with its symbols), or as plain re-assemblable text.
 */
@Command(name = "disasm", description = {
    "Disassemble raw bytecode (.bin), an eBPF ELF object (.o) or assembly text.",
    "LLVM syntax prints as llvm-objdump -d does; uBPF syntax prints the conformance suite's plain text."},
        footer = {"", "Examples:", "  bpf4j disasm prog.bin", "  bpf4j disasm prog.o --syntax ubpf",
            "  bpf4j disasm prog.bin --plain > prog.s   # re-assembles to the same bytes"})
public final class DisasmCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "Raw bytecode, an ELF object, or assembly text.")
    Path file;

    @Option(names = "--syntax", paramLabel = "SYNTAX", defaultValue = "llvm",
            description = "llvm (default) or ubpf.")
    String syntax;

    @Option(names = "--plain", description = "One instruction a line, without slot numbers and bytes.")
    boolean plain;

    @Option(names = "--section", paramLabel = "NAME", description = "For objects: only this section.")
    String section;

    @Override
    public Integer call() throws IOException {
        Syntax chosen = switch (syntax.toLowerCase(java.util.Locale.ROOT)) {
            case "llvm" -> Syntax.LLVM;
            case "ubpf" -> Syntax.UBPF;
            default -> throw new dev.bpf4j.BpfException("--syntax " + syntax + ": unknown syntax; use llvm or ubpf");
        };
        boolean listing = chosen == Syntax.LLVM && !plain;
        byte[] bytes = Files.readAllBytes(file);
        PrintStream out = System.out;
        if (ProgramFile.kindOf(file.toString(), bytes) == ProgramFile.Kind.ELF) {
            printObject(out, bytes, chosen, listing);
        } else {
            Program program = ProgramFile.load(file, null);
            out.print(listing ? Disassembler.listing(program, chosen) : Disassembler.disassemble(program, chosen));
        }
        return ExitCode.OK;
    }

    /** Every code section of an object, as {@code llvm-objdump -d} lays it out, symbols as labels. */
    private void printObject(PrintStream out, byte[] bytes, Syntax chosen, boolean listing) {
        ElfFile elf = ElfFile.parse(file.toString(), bytes);
        if (listing) {
            out.print("\n" + file + ":\tfile format elf64-bpf\n");
        }
        boolean any = false;
        for (ElfFile.Section s : elf.sections()) {
            if (!s.executable() || s.data().length == 0 || (section != null && !section.equals(s.name()))) {
                continue;
            }
            any = true;
            Program decoded = Program.decode(s.data(), elf.order());
            Program program = new Program(decoded.insns(), labels(elf, s, decoded));
            if (listing) {
                out.print("\nDisassembly of section " + s.name() + ":\n");
                out.print(Disassembler.listing(program, chosen));
            } else {
                out.print("# section " + s.name() + "\n" + Disassembler.disassemble(program, chosen));
            }
        }
        if (!any) {
            ProgramFile.elfSection(file.toString(), bytes, section);
        }
    }

    /** The section's named symbols as labels, mapped from byte offsets to instruction indexes. */
    private static Map<String, Integer> labels(ElfFile elf, ElfFile.Section s, Program program) {
        int[] slots = program.slotIndex();
        Map<Integer, Integer> indexOfSlot = new HashMap<>();
        for (int k = 0; k < slots.length; k++) {
            indexOfSlot.put(slots[k], k);
        }
        Map<String, Integer> labels = new HashMap<>();
        for (ElfFile.Symbol sym : elf.symbols()) {
            boolean named = !sym.name().isEmpty() && (sym.symbolType() == 0 || sym.symbolType() == 2);
            if (named && sym.section() == s.index() && sym.value() % 8 == 0) {
                Integer k = indexOfSlot.get((int) (sym.value() / 8));
                if (k != null) {
                    labels.put(sym.name(), k);
                }
            }
        }
        return labels;
    }
}

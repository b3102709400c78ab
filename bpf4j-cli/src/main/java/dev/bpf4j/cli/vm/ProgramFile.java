package dev.bpf4j.cli.vm;

import dev.bpf4j.FormatException;
import dev.bpf4j.asm.Assembler;
import dev.bpf4j.elf.ElfFile;
import dev.bpf4j.isa.Program;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a program file in whichever form it comes: an ELF object (by its magic; one section is taken),
 * assembly text (by a {@code .s}/{@code .asm} name, or content that is plain text) or raw little-endian
 * bytecode (anything else).
 */
public final class ProgramFile {
    private ProgramFile() {
    }

    /** The forms a program file can take. */
    public enum Kind { ELF, ASSEMBLY, RAW }

    /** What kind of program file {@code bytes} (named {@code name}) is. */
    public static Kind kindOf(String name, byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') {
            return Kind.ELF;
        }
        if (name.endsWith(".s") || name.endsWith(".asm") || looksLikeText(bytes)) {
            return Kind.ASSEMBLY;
        }
        return Kind.RAW;
    }

    /**
     * Loads and decodes (or assembles) the program in {@code path}.
     *
     * @param section for ELF objects, the section to take ({@code null}: {@code .text} if it has code,
     *                else the first executable section that does)
     */
    public static Program load(Path path, String section) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String name = path.toString();
        Program program = switch (kindOf(name, bytes)) {
            case ELF -> Program.decode(elfSection(name, bytes, section).data(), ByteOrder.LITTLE_ENDIAN);
            case ASSEMBLY -> Assembler.assemble(new String(bytes, StandardCharsets.UTF_8));
            case RAW -> Program.decode(bytes, ByteOrder.LITTLE_ENDIAN);
        };
        if (program.insns().isEmpty()) {
            throw new FormatException(name + ": the program is empty (no instructions)");
        }
        return program;
    }

    /** The code section of an ELF object to run or list. */
    static ElfFile.Section elfSection(String name, byte[] bytes, String section) {
        ElfFile elf = ElfFile.parse(name, bytes);
        if (elf.machine() != ElfFile.EM_BPF) {
            throw FormatException.at(name, "ELF header", "not an eBPF object (e_machine=" + elf.machine()
                    + ", eBPF is 247)");
        }
        ElfFile.Section chosen;
        if (section != null) {
            chosen = elf.section(section).orElseThrow(() -> FormatException.at(name, "", "no section named '"
                    + section + "'; code sections: " + codeSections(elf)));
        } else {
            chosen = elf.section(".text").filter(s -> s.data().length > 0)
                    .or(() -> elf.sections().stream().filter(s -> s.executable() && s.data().length > 0).findFirst())
                    .orElseThrow(() -> FormatException.at(name, "", "no section holds code"));
        }
        if (elf.order() != java.nio.ByteOrder.LITTLE_ENDIAN) {
            throw FormatException.at(name, chosen.name(), "big-endian eBPF objects are not supported by exec yet");
        }
        for (ElfFile.Section s : elf.sections()) {
            if ((s.type() == 9 || s.type() == 4) && s.info() == chosen.index() && s.data().length > 0) {
                throw FormatException.at(name, chosen.name(), "has relocations (" + s.name() + ": map or function"
                        + " references); running relocated objects needs the object loader, which is not built yet");
            }
        }
        return chosen;
    }

    private static String codeSections(ElfFile elf) {
        StringBuilder sb = new StringBuilder();
        for (ElfFile.Section s : elf.sections()) {
            if (s.executable() && s.data().length > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(s.name());
            }
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private static boolean looksLikeText(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}

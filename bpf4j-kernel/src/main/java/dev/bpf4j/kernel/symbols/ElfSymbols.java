package dev.bpf4j.kernel.symbols;

import dev.bpf4j.FormatException;
import dev.bpf4j.elf.ElfFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The function symbols of an executable or shared library and the translation from their virtual
 * addresses to file offsets, which is what uprobes take. Symbols come from {@code .symtab} and, for
 * stripped binaries, {@code .dynsym}; the translation uses the {@code PT_LOAD} program headers (an
 * address inside a segment lies at {@code p_offset + (addr - p_vaddr)} in the file).
 */
public final class ElfSymbols {
    private static final int PT_LOAD = 1;
    private static final int SHT_DYNSYM = 11;
    private static final int STT_FUNC = 2;
    private static final int STT_GNU_IFUNC = 10;

    /**
     * A loadable segment.
     *
     * @param vaddr  {@code p_vaddr}
     * @param offset {@code p_offset}
     * @param filesz {@code p_filesz}
     * @param flags  {@code p_flags} (1 execute, 2 write, 4 read)
     */
    public record Segment(long vaddr, long offset, long filesz, int flags) {
    }

    /**
     * A function symbol.
     *
     * @param name    its name (versioned names keep only the part before {@code @})
     * @param address {@code st_value}, a virtual address
     * @param size    {@code st_size}
     */
    public record Function(String name, long address, long size) {
    }

    private final String path;
    private final ElfFile elf;
    private final List<Segment> segments;
    private final Map<String, Function> functions;
    private final Map<String, Long> sectionAddresses;

    private ElfSymbols(String path, ElfFile elf, List<Segment> segments, Map<String, Function> functions,
                       Map<String, Long> sectionAddresses) {
        this.path = path;
        this.elf = elf;
        this.segments = segments;
        this.functions = functions;
        this.sectionAddresses = sectionAddresses;
    }

    /**
     * Reads the binary at {@code path}.
     *
     * @throws FormatException if it is not a valid ELF64 file
     */
    public static ElfSymbols read(String path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        ElfFile elf = ElfFile.parse(path, bytes);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(elf.order());
        long phoff = b.getLong(32);
        int phentsize = Short.toUnsignedInt(b.getShort(54));
        int phnum = Short.toUnsignedInt(b.getShort(56));
        if (phnum > 0 && (phentsize < 56 || phoff < 0 || phoff + (long) phnum * phentsize > bytes.length)) {
            throw FormatException.at(path, "program headers", "table at offset " + phoff + " with " + phnum
                    + " entries of " + phentsize + " bytes lies outside the file");
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * phentsize);
            if (b.getInt(at) == PT_LOAD) {
                segments.add(new Segment(b.getLong(at + 16), b.getLong(at + 8), b.getLong(at + 32), b.getInt(at + 4)));
            }
        }
        Map<String, Function> functions = new LinkedHashMap<>();
        for (ElfFile.Symbol s : elf.symbols()) {
            addFunction(functions, s.name(), s.value(), s.size(), s.symbolType(), s.section());
        }
        for (ElfFile.Section s : elf.sections()) {
            if (s.type() == SHT_DYNSYM) {
                if (s.link() < 0 || s.link() >= elf.sections().size()) {
                    throw FormatException.at(path, s.name(), "string table index " + s.link() + " out of range");
                }
                byte[] strtab = elf.sections().get(s.link()).data();
                ByteBuffer sym = ByteBuffer.wrap(s.data()).order(elf.order());
                for (int at = 0; at + 24 <= s.data().length; at += 24) {
                    String name = cString(strtab, Integer.toUnsignedLong(sym.getInt(at)));
                    addFunction(functions, name, sym.getLong(at + 8), sym.getLong(at + 16), sym.get(at + 4) & 0xf,
                            Short.toUnsignedInt(sym.getShort(at + 6)));
                }
            }
        }
        // ElfFile keeps no sh_addr; read it for the sections whose addresses matter (.stapsdt.base).
        Map<String, Long> addresses = new LinkedHashMap<>();
        long shoff = b.getLong(40);
        int shentsize = Short.toUnsignedInt(b.getShort(58));
        for (ElfFile.Section s : elf.sections()) {
            addresses.putIfAbsent(s.name(), b.getLong((int) (shoff + (long) s.index() * shentsize) + 16));
        }
        return new ElfSymbols(path, elf, List.copyOf(segments), functions, addresses);
    }

    private static void addFunction(Map<String, Function> into, String name, long value, long size, int type, int shndx) {
        if ((type == STT_FUNC || type == STT_GNU_IFUNC) && shndx != 0 && value != 0 && !name.isEmpty()) {
            int at = name.indexOf('@');
            String plain = at > 0 ? name.substring(0, at) : name;
            into.putIfAbsent(plain, new Function(plain, value, size));
        }
    }

    private static String cString(byte[] table, long offset) {
        if (offset < 0 || offset >= table.length) {
            return "";
        }
        int end = (int) offset;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, (int) offset, end - (int) offset, StandardCharsets.UTF_8);
    }

    /** The file path given to {@link #read}. */
    public String path() {
        return path;
    }

    /** The parsed ELF file (sections, notes). */
    public ElfFile elf() {
        return elf;
    }

    /** The {@code PT_LOAD} segments. */
    public List<Segment> segments() {
        return segments;
    }

    /** Every function symbol, by name. */
    public Map<String, Function> functions() {
        return functions;
    }

    /** The function called {@code name}, if the binary has one. */
    public Optional<Function> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /**
     * The file offset of virtual address {@code address}, through the segment containing it.
     *
     * @throws FormatException if no loadable segment holds the address (a symbol or note of this file
     *                         pointing nowhere)
     */
    public long fileOffset(long address) {
        for (Segment s : segments) {
            if (address >= s.vaddr() && address < s.vaddr() + s.filesz()) {
                return address - s.vaddr() + s.offset();
            }
        }
        throw FormatException.at(path, "program headers", "address 0x" + Long.toHexString(address)
                + " lies in no loadable segment");
    }

    /**
     * The file offset of function {@code name}, for a uprobe.
     *
     * @throws IllegalArgumentException if the binary has no such function symbol
     */
    public long offsetOf(String name) {
        Function f = functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException(path + " has no function symbol '" + name + "' in .symtab or .dynsym");
        }
        return fileOffset(f.address());
    }

    /** The virtual address ({@code sh_addr}) of the first section called {@code name}, or 0 if none. */
    public long sectionAddress(String name) {
        return sectionAddresses.getOrDefault(name, 0L);
    }

    /** The byte order of the file. */
    public ByteOrder order() {
        return elf.order();
    }
}

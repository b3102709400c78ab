package dev.bpf4j.elf;

import dev.bpf4j.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An ELF64 object file's sections and symbols (System V ABI, "ELF-64 Object File Format"). Immutable;
 * parsing checks every header, offset and size against the file, so a corrupt file gives a
 * {@link FormatException} naming the file and the place, never an index error.
 *
 * @param name      the file name used in messages
 * @param order     the file's byte order ({@code EI_DATA})
 * @param machine   {@code e_machine} (247 is {@link #EM_BPF})
 * @param type      {@code e_type} (1 relocatable, 2 executable, 3 shared object)
 * @param sections  every section, in header order (index 0 is the null section)
 * @param symbols   the entries of {@code .symtab}, empty if there is none
 */
public record ElfFile(String name, ByteOrder order, int machine, int type, List<Section> sections,
        List<Symbol> symbols) {
    /** {@code e_machine} of eBPF objects. */
    public static final int EM_BPF = 247;
    /** Section type of a symbol table. */
    public static final int SHT_SYMTAB = 2;
    /** Section type of a section with no file bytes ({@code .bss}). */
    public static final int SHT_NOBITS = 8;
    /** Section flag: holds executable instructions. */
    public static final long SHF_EXECINSTR = 0x4;

    /**
     * One section.
     *
     * @param index the section header index
     * @param name  its name from the section-header string table
     * @param type  {@code sh_type}
     * @param flags {@code sh_flags}
     * @param link  {@code sh_link}
     * @param info  {@code sh_info}
     * @param size  {@code sh_size}
     * @param data  its bytes (empty for {@code SHT_NOBITS})
     */
    public record Section(int index, String name, int type, long flags, int link, int info, long size, byte[] data) {
        /** True if the section holds code. */
        public boolean executable() {
            return (flags & SHF_EXECINSTR) != 0;
        }
    }

    /**
     * One symbol table entry.
     *
     * @param name    its name
     * @param value   {@code st_value} (an offset within its section in relocatable files)
     * @param size    {@code st_size}
     * @param info    {@code st_info}: binding in the high nibble, type in the low
     * @param section {@code st_shndx}
     */
    public record Symbol(String name, long value, long size, int info, int section) {
        /** The symbol type, {@code STT_FUNC} is 2. */
        public int symbolType() {
            return info & 0xf;
        }
    }

    /** The first section called {@code name}. */
    public Optional<Section> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }

    /**
     * Parses an ELF64 file.
     *
     * @throws FormatException if it is not ELF64 or any header points outside the file
     */
    public static ElfFile parse(String fileName, byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw FormatException.at(fileName, "", "not an ELF file (no \\x7fELF magic)");
        }
        if (bytes.length < 64) {
            throw FormatException.at(fileName, "ELF header", "truncated: the file has " + bytes.length
                    + " bytes, an ELF64 header needs 64");
        }
        if (bytes[4] != 2) {
            throw FormatException.at(fileName, "ELF header", "not a 64-bit ELF file (EI_CLASS=" + bytes[4] + ")");
        }
        ByteOrder order = switch (bytes[5]) {
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            case 2 -> ByteOrder.BIG_ENDIAN;
            default -> throw FormatException.at(fileName, "ELF header", "unknown byte order EI_DATA=" + bytes[5]);
        };
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        int type = Short.toUnsignedInt(buf.getShort(16));
        int machine = Short.toUnsignedInt(buf.getShort(18));
        long shoff = buf.getLong(40);
        int shentsize = Short.toUnsignedInt(buf.getShort(58));
        int shnum = Short.toUnsignedInt(buf.getShort(60));
        int shstrndx = Short.toUnsignedInt(buf.getShort(62));
        if (shnum == 0) {
            return new ElfFile(fileName, order, machine, type, List.of(), List.of());
        }
        if (shentsize < 64 || shoff < 0 || shoff + (long) shnum * shentsize > bytes.length) {
            throw FormatException.at(fileName, "section headers", "table at offset " + shoff + " with " + shnum
                    + " entries of " + shentsize + " bytes lies outside the file of " + bytes.length + " bytes");
        }
        long[][] headers = new long[shnum][];
        for (int i = 0; i < shnum; i++) {
            int at = (int) (shoff + (long) i * shentsize);
            headers[i] = new long[] {
                Integer.toUnsignedLong(buf.getInt(at)), Integer.toUnsignedLong(buf.getInt(at + 4)), buf.getLong(at + 8),
                buf.getLong(at + 24), buf.getLong(at + 32), Integer.toUnsignedLong(buf.getInt(at + 40)),
                Integer.toUnsignedLong(buf.getInt(at + 44))
            };
        }
        if (shstrndx >= shnum) {
            throw FormatException.at(fileName, "ELF header", "section name table index " + shstrndx + " out of range");
        }
        byte[][] data = new byte[shnum][];
        for (int i = 0; i < shnum; i++) {
            long[] h = headers[i];
            if (h[1] == SHT_NOBITS || i == 0) {
                data[i] = new byte[0];
                continue;
            }
            long off = h[3];
            long size = h[4];
            if (off < 0 || size < 0 || off + size > bytes.length) {
                throw FormatException.at(fileName, "section " + i, "data at offset " + off + " size " + size
                        + " lies outside the file");
            }
            data[i] = Arrays.copyOfRange(bytes, (int) off, (int) (off + size));
        }
        List<Section> sections = new ArrayList<>(shnum);
        for (int i = 0; i < shnum; i++) {
            long[] h = headers[i];
            String sname = string(fileName, data[shstrndx], h[0], "section name table");
            sections.add(new Section(i, sname, (int) h[1], h[2], (int) h[5], (int) h[6], h[4], data[i]));
        }
        List<Symbol> symbols = new ArrayList<>();
        for (Section s : sections) {
            if (s.type() == SHT_SYMTAB) {
                if (s.link() < 0 || s.link() >= shnum) {
                    throw FormatException.at(fileName, s.name(), "string table index " + s.link() + " out of range");
                }
                byte[] strtab = data[s.link()];
                ByteBuffer sym = ByteBuffer.wrap(s.data()).order(order);
                for (int at = 0; at + 24 <= s.data().length; at += 24) {
                    String symName = string(fileName, strtab, Integer.toUnsignedLong(sym.getInt(at)), s.name());
                    symbols.add(new Symbol(symName, sym.getLong(at + 8), sym.getLong(at + 16), sym.get(at + 4) & 0xff,
                            Short.toUnsignedInt(sym.getShort(at + 6))));
                }
                break;
            }
        }
        return new ElfFile(fileName, order, machine, type, List.copyOf(sections), List.copyOf(symbols));
    }

    private static String string(String fileName, byte[] table, long offset, String where) {
        if (offset < 0 || offset > table.length) {
            throw FormatException.at(fileName, where, "string offset " + offset + " outside the table of "
                    + table.length + " bytes");
        }
        int end = (int) offset;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, (int) offset, end - (int) offset, java.nio.charset.StandardCharsets.UTF_8);
    }
}

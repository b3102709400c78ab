package dev.bpf4j.kernel.symbols;

import dev.bpf4j.FormatException;
import dev.bpf4j.elf.ElfFile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One USDT probe site ({@code STAP_PROBE} in C, {@code DTRACE_PROBE} in HotSpot) from a binary's
 * {@code .note.stapsdt} section: an {@code NT_STAPSDT} (type 3) note named {@code stapsdt} whose
 * descriptor holds the probe's address, the link-time address of {@code .stapsdt.base}, the semaphore's
 * address (0 if none), then provider, name and argument specs as NUL-terminated strings.
 *
 * @param provider          e.g. {@code hotspot}
 * @param name              e.g. {@code thread__start}
 * @param address           the probe's virtual address, adjusted for prelinking by {@code .stapsdt.base}
 * @param fileOffset        the address's file offset (what a uprobe takes)
 * @param semaphoreAddress  the semaphore's virtual address, 0 if the probe has none
 * @param semaphoreOffset   the semaphore's file offset (the uprobe reference counter offset), 0 if none
 * @param argumentSpec      the raw argument string, e.g. {@code -4@%edi 8@-8(%rbp)}
 * @param arguments         the parsed arguments
 */
public record UsdtProbe(String provider, String name, long address, long fileOffset, long semaphoreAddress,
                        long semaphoreOffset, String argumentSpec, List<UsdtArgument> arguments) {
    private static final int NT_STAPSDT = 3;

    /** {@code provider:name}. */
    public String fullName() {
        return provider + ":" + name;
    }

    /**
     * The probes of a binary, in note order; empty when it has no {@code .note.stapsdt}.
     *
     * @throws FormatException if a note is malformed
     */
    public static List<UsdtProbe> read(ElfSymbols binary) {
        ElfFile elf = binary.elf();
        List<UsdtProbe> probes = new ArrayList<>();
        var notes = elf.section(".note.stapsdt");
        if (notes.isEmpty()) {
            return probes;
        }
        long baseActual = binary.sectionAddress(".stapsdt.base");
        ByteBuffer b = ByteBuffer.wrap(notes.get().data()).order(elf.order());
        int pos = 0;
        byte[] d = notes.get().data();
        while (pos + 12 <= d.length) {
            int namesz = b.getInt(pos);
            int descsz = b.getInt(pos + 4);
            int type = b.getInt(pos + 8);
            int nameAt = pos + 12;
            int descAt = nameAt + align4(namesz);
            int next = descAt + align4(descsz);
            if (namesz < 0 || descsz < 0 || next > d.length) {
                throw FormatException.at(binary.path(), ".note.stapsdt", "note at " + pos + " runs past the section");
            }
            String owner = new String(d, nameAt, Math.max(0, namesz - 1), StandardCharsets.US_ASCII);
            if (type == NT_STAPSDT && owner.equals("stapsdt") && descsz >= 24) {
                probes.add(decode(binary, b, d, descAt, descsz, baseActual));
            }
            pos = next;
        }
        return probes;
    }

    private static UsdtProbe decode(ElfSymbols binary, ByteBuffer b, byte[] d, int at, int size, long baseActual) {
        long pc = b.getLong(at);
        long base = b.getLong(at + 8);
        long sem = b.getLong(at + 16);
        int end = at + size;
        int p = at + 24;
        String[] strings = new String[3];
        for (int i = 0; i < 3; i++) {
            int z = p;
            while (z < end && d[z] != 0) {
                z++;
            }
            strings[i] = p <= end ? new String(d, p, Math.min(z, end) - p, StandardCharsets.UTF_8) : "";
            p = z + 1;
        }
        if (base != 0 && baseActual != 0) {
            // Prelinking moved the binary: shift the probe by how far .stapsdt.base moved.
            pc += baseActual - base;
        }
        List<UsdtArgument> args = new ArrayList<>();
        for (String a : strings[2].trim().split("\\s+")) {
            if (!a.isEmpty()) {
                try {
                    args.add(UsdtArgument.parse(a));
                } catch (IllegalArgumentException e) {
                    throw FormatException.at(binary.path(), ".note.stapsdt", "probe " + strings[0] + ":" + strings[1]
                            + ": " + e.getMessage());
                }
            }
        }
        long semOffset = sem == 0 ? 0 : binary.fileOffset(sem);
        return new UsdtProbe(strings[0], strings[1], pc, binary.fileOffset(pc), sem, semOffset, strings[2],
                List.copyOf(args));
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }
}

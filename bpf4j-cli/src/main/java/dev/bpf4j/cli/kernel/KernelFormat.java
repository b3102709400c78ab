package dev.bpf4j.cli.kernel;

import dev.bpf4j.kernel.MapInfo;
import dev.bpf4j.kernel.ProgramInfo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Text as bpftool's plain output prints it ({@code bpftool prog list}, {@code map list}, {@code map dump}):
 * pure functions, so the layout is tested without a kernel.
 */
final class KernelFormat {
    private static final DateTimeFormatter LOADED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    private KernelFormat() {
    }

    /** The lower-case type name bpftool uses, or the kernel's number when bpf4j does not know the type. */
    static String typeName(Enum<?> type, int value) {
        return type == null ? "type " + value : type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A program's lines: {@code "ID: TYPE  name NAME  tag TAG  gpl"}, then loaded_at and uid, then sizes
     * and map ids. {@code loadedAt} is the wall-clock load time (null if unknown).
     */
    static String program(ProgramInfo p, Instant loadedAt, List<Integer> mapIds) {
        StringBuilder s = new StringBuilder();
        s.append(p.id()).append(": ").append(typeName(p.type(), p.typeValue()));
        if (!p.name().isEmpty()) {
            s.append("  name ").append(p.name());
        }
        s.append("  tag ").append(p.tag());
        if (p.gplCompatible()) {
            s.append("  gpl");
        }
        s.append('\n');
        s.append('\t');
        if (loadedAt != null) {
            s.append("loaded_at ").append(LOADED_AT.format(loadedAt)).append("  ");
        }
        s.append("uid ").append(p.createdByUid()).append('\n');
        s.append("\txlated ").append(p.xlatedLength()).append('B');
        s.append(p.jitedLength() > 0 ? "  jited " + p.jitedLength() + "B" : "  not jited");
        if (!mapIds.isEmpty()) {
            s.append("  map_ids ").append(mapIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return s.append('\n').toString();
    }

    /** A map's lines: {@code "ID: TYPE  name NAME  flags 0xF"}, then key, value and max_entries. */
    static String map(MapInfo m) {
        StringBuilder s = new StringBuilder();
        s.append(m.id()).append(": ").append(typeName(m.type(), m.typeValue()));
        if (!m.name().isEmpty()) {
            s.append("  name ").append(m.name());
        }
        s.append("  flags 0x").append(Integer.toHexString(m.flags())).append('\n');
        s.append("\tkey ").append(m.keySize()).append("B  value ").append(m.valueSize()).append("B  max_entries ")
                .append(m.maxEntries()).append('\n');
        return s.toString();
    }

    /** Bytes as bpftool prints them: two hex digits each, separated by spaces. */
    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** One element: {@code "key: 00 00 00 00  value: 01 00 ..."}. */
    static String element(byte[] key, byte[] value) {
        return "key: " + hex(key) + "  value: " + hex(value) + "\n";
    }

    /** One per-CPU element: the key, then one {@code "value (CPU NN): ..."} line per CPU. */
    static String perCpuElement(byte[] key, List<byte[]> values) {
        StringBuilder s = new StringBuilder("key:\n").append(hex(key)).append('\n');
        for (int cpu = 0; cpu < values.size(); cpu++) {
            s.append(String.format(Locale.ROOT, "value (CPU %02d): ", cpu)).append(hex(values.get(cpu))).append('\n');
        }
        return s.toString();
    }

    /** The closing count line. */
    static String found(int n) {
        return "Found " + n + " element" + (n == 1 ? "" : "s") + "\n";
    }
}

package dev.bpf4j.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What the kernel says about a live map ({@code struct bpf_map_info} from BPF_OBJ_GET_INFO_BY_FD).
 *
 * @param id         the map's system-wide id
 * @param type       the map type (null if bpf4j does not know the kernel's number)
 * @param typeValue  the kernel's number for the type
 * @param keySize    key size in bytes
 * @param valueSize  value size in bytes
 * @param maxEntries capacity
 * @param flags      map flags
 * @param name       the name the kernel kept
 */
public record MapInfo(int id, MapType type, int typeValue, int keySize, int valueSize, int maxEntries, int flags,
                      String name) {
    /** The size of {@code struct bpf_map_info} on Linux 6.18. */
    public static final int SIZE = 104;

    /** Decodes the info struct (layout of Linux 6.18: type 0, id 4, key_size 8, ..., name 24). */
    public static MapInfo decode(byte[] info) {
        ByteBuffer b = ByteBuffer.wrap(info).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getInt(0);
        return new MapInfo(b.getInt(4), MapType.of(type), type, b.getInt(8), b.getInt(12), b.getInt(16),
                b.getInt(20), cString(info, 24, 16));
    }

    static String cString(byte[] bytes, int offset, int max) {
        int n = 0;
        while (n < max && bytes[offset + n] != 0) {
            n++;
        }
        return new String(bytes, offset, n, StandardCharsets.UTF_8);
    }
}

package dev.bpf4j.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * What the kernel says about a loaded program ({@code struct bpf_prog_info} from BPF_OBJ_GET_INFO_BY_FD).
 *
 * @param id             the program's system-wide id
 * @param type           the program type (null if bpf4j does not know the kernel's number)
 * @param typeValue      the kernel's number for the type
 * @param name           the name the kernel kept
 * @param tag            the program's tag (a hash of its instructions) in hex, as bpftool prints it
 * @param xlatedLength   bytes of the instructions after the verifier's rewriting
 * @param jitedLength    bytes of JIT-compiled machine code
 * @param loadTimeNs     when it was loaded, in ns since boot
 * @param createdByUid   the user that loaded it
 * @param mapCount       how many maps it uses
 * @param gplCompatible  whether its license is GPL-compatible
 * @param verifiedInsns  instructions the verifier processed
 * @param runTimeNs      total run time, if statistics are enabled
 * @param runCount       runs, if statistics are enabled
 */
public record ProgramInfo(int id, ProgramType type, int typeValue, String name, String tag, int xlatedLength,
                          int jitedLength, long loadTimeNs, int createdByUid, int mapCount, boolean gplCompatible,
                          int verifiedInsns, long runTimeNs, long runCount) {
    /** The size of {@code struct bpf_prog_info} on Linux 6.18. */
    public static final int SIZE = 232;

    /** Decodes the info struct (offsets of Linux 6.18's BTF). */
    public static ProgramInfo decode(byte[] info) {
        ByteBuffer b = ByteBuffer.wrap(info).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getInt(0);
        byte[] tag = new byte[8];
        System.arraycopy(info, 8, tag, 0, 8);
        return new ProgramInfo(b.getInt(4), ProgramType.of(type), type, MapInfo.cString(info, 64, 16),
                HexFormat.of().formatHex(tag), b.getInt(20), b.getInt(16), b.getLong(40), b.getInt(48),
                b.getInt(52), (info[84] & 1) != 0, b.getInt(216), b.getLong(192), b.getLong(200));
    }
}

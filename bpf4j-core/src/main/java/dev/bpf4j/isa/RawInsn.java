package dev.bpf4j.isa;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One 8-byte eBPF instruction slot exactly as encoded (RFC 9669 section 3): opcode, the two register
 * nibbles, a signed 16-bit offset and a 32-bit immediate. Lossless: every slot, valid or not, round-trips.
 * The second slot of a 64-bit immediate load is a {@code RawInsn} too.
 *
 * <p>In little-endian encoding the register byte holds {@code dst} in its low nibble; in big-endian, in
 * its high nibble, and {@code off} and {@code imm} follow the byte order (RFC 9669 section 3).
 *
 * @param opcode 0..255
 * @param dst    0..15 (only 0..10 name registers; decoding rejects the rest)
 * @param src    0..15
 * @param off    -32768..32767
 * @param imm    any int
 */
public record RawInsn(int opcode, int dst, int src, int off, int imm) {
    /** The size of one slot in bytes. */
    public static final int SIZE = 8;

    /** Checks every field fits its bits. */
    public RawInsn {
        if ((opcode & ~0xff) != 0 || (dst & ~0xf) != 0 || (src & ~0xf) != 0 || off != (short) off) {
            throw new IllegalArgumentException(
                    "field out of range: opcode=" + opcode + " dst=" + dst + " src=" + src + " off=" + off);
        }
    }

    /** Reads the slot at byte position {@code pos}. */
    public static RawInsn read(byte[] bytes, int pos, ByteOrder order) {
        int opcode = bytes[pos] & 0xff;
        int regs = bytes[pos + 1] & 0xff;
        boolean little = order == ByteOrder.LITTLE_ENDIAN;
        int off = little
                ? (short) ((bytes[pos + 2] & 0xff) | (bytes[pos + 3] & 0xff) << 8)
                : (short) ((bytes[pos + 2] & 0xff) << 8 | (bytes[pos + 3] & 0xff));
        int imm = little
                ? (bytes[pos + 4] & 0xff) | (bytes[pos + 5] & 0xff) << 8 | (bytes[pos + 6] & 0xff) << 16
                        | (bytes[pos + 7] & 0xff) << 24
                : (bytes[pos + 4] & 0xff) << 24 | (bytes[pos + 5] & 0xff) << 16 | (bytes[pos + 6] & 0xff) << 8
                        | (bytes[pos + 7] & 0xff);
        int dst = little ? regs & 0xf : regs >>> 4;
        int src = little ? regs >>> 4 : regs & 0xf;
        return new RawInsn(opcode, dst, src, off, imm);
    }

    /** Writes this slot at byte position {@code pos}. */
    public void write(byte[] bytes, int pos, ByteOrder order) {
        boolean little = order == ByteOrder.LITTLE_ENDIAN;
        bytes[pos] = (byte) opcode;
        bytes[pos + 1] = (byte) (little ? (src << 4 | dst) : (dst << 4 | src));
        if (little) {
            bytes[pos + 2] = (byte) off;
            bytes[pos + 3] = (byte) (off >> 8);
            bytes[pos + 4] = (byte) imm;
            bytes[pos + 5] = (byte) (imm >> 8);
            bytes[pos + 6] = (byte) (imm >> 16);
            bytes[pos + 7] = (byte) (imm >> 24);
        } else {
            bytes[pos + 2] = (byte) (off >> 8);
            bytes[pos + 3] = (byte) off;
            bytes[pos + 4] = (byte) (imm >> 24);
            bytes[pos + 5] = (byte) (imm >> 16);
            bytes[pos + 6] = (byte) (imm >> 8);
            bytes[pos + 7] = (byte) imm;
        }
    }

    /**
     * Splits a byte array into slots.
     *
     * @throws InvalidInsnException if the length is not a multiple of 8
     */
    public static List<RawInsn> readAll(byte[] bytes, ByteOrder order) {
        if (bytes.length % SIZE != 0) {
            throw new InvalidInsnException(bytes.length / SIZE,
                    "program is " + bytes.length + " bytes, not a multiple of 8: the last instruction is truncated");
        }
        List<RawInsn> out = new ArrayList<>(bytes.length / SIZE);
        for (int pos = 0; pos < bytes.length; pos += SIZE) {
            out.add(read(bytes, pos, order));
        }
        return out;
    }

    /** Concatenates slots into bytes. */
    public static byte[] writeAll(List<RawInsn> slots, ByteOrder order) {
        byte[] out = new byte[slots.size() * SIZE];
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).write(out, i * SIZE, order);
        }
        return out;
    }

    /** The slot's 8 bytes in little-endian order as hex, as {@code llvm-objdump} prints them. */
    public String hex() {
        byte[] b = new byte[SIZE];
        write(b, 0, ByteOrder.LITTLE_ENDIAN);
        StringBuilder sb = new StringBuilder(23);
        for (int i = 0; i < SIZE; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }
}

package dev.bpf4j.pcap.cbpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One classic BPF instruction, {@code struct sock_filter} / {@code struct bpf_insn} of libpcap: a 16-bit
 * opcode, two 8-bit relative jump targets and a 32-bit constant. The fields are kept raw (opcodes are
 * open-ended bit fields, not a closed set), with unsigned views for printing.
 *
 * @param code opcode: class | size | mode, or class | op | source
 * @param jt   jump offset when true, unsigned 0..255
 * @param jf   jump offset when false, unsigned 0..255
 * @param k    the constant, as 32 bits (printers show it unsigned)
 */
public record CbpfInsn(int code, int jt, int jf, int k) {

    /** Size of one instruction in its binary form. */
    public static final int BYTES = 8;

    public CbpfInsn {
        if (code < 0 || code > 0xffff) throw new IllegalArgumentException("opcode out of 16 bits: " + code);
        if (jt < 0 || jt > 0xff) throw new IllegalArgumentException("jt out of 0..255: " + jt);
        if (jf < 0 || jf > 0xff) throw new IllegalArgumentException("jf out of 0..255: " + jf);
    }

    /** A statement (no jump targets), as the kernel's {@code BPF_STMT} macro. */
    public static CbpfInsn stmt(int code, int k) {
        return new CbpfInsn(code, 0, 0, k);
    }

    /** A jump, as the kernel's {@code BPF_JUMP} macro. */
    public static CbpfInsn jump(int code, int k, int jt, int jf) {
        return new CbpfInsn(code, jt, jf, k);
    }

    /** The constant as an unsigned value. */
    public long unsignedK() {
        return Integer.toUnsignedLong(k);
    }

    /** Instruction class: the low three bits of the opcode. */
    public int cls() {
        return code & 0x07;
    }

    /** Encodes a program as {@code struct sock_filter[]} in the given byte order (the host's for the kernel). */
    public static byte[] encode(List<CbpfInsn> program, ByteOrder order) {
        ByteBuffer buf = ByteBuffer.allocate(program.size() * BYTES).order(order);
        for (CbpfInsn insn : program) {
            buf.putShort((short) insn.code).put((byte) insn.jt).put((byte) insn.jf).putInt(insn.k);
        }
        return buf.array();
    }

    /** Decodes {@code struct sock_filter[]}; the length must be a whole number of instructions. */
    public static List<CbpfInsn> decode(byte[] bytes, ByteOrder order) {
        if (bytes.length % BYTES != 0) {
            throw new IllegalArgumentException(
                    "classic BPF program of " + bytes.length + " bytes is not a whole number of 8-byte instructions");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        List<CbpfInsn> out = new ArrayList<>(bytes.length / BYTES);
        while (buf.hasRemaining()) {
            int code = Short.toUnsignedInt(buf.getShort());
            int jt = Byte.toUnsignedInt(buf.get());
            int jf = Byte.toUnsignedInt(buf.get());
            out.add(new CbpfInsn(code, jt, jf, buf.getInt()));
        }
        return List.copyOf(out);
    }
}

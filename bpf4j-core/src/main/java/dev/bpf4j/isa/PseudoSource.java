package dev.bpf4j.isa;

/**
 * What the 64-bit immediate of an {@code lddw} means, chosen by its {@code src_reg} (RFC 9669 section 5.4):
 * a plain constant, or something the loader or the kernel turns into an address.
 */
public enum PseudoSource {
    /** {@code dst = imm64}. */
    IMM64(0),
    /** {@code dst = map_by_fd(imm)}: a map's address from its file descriptor. */
    MAP_FD(1),
    /** {@code dst = map_val(map_by_fd(imm)) + next_imm}: an address inside a map's value. */
    MAP_VALUE(2),
    /** {@code dst = var_addr(imm)}: a kernel variable by BTF id. */
    BTF_ID(3),
    /** {@code dst = code_addr(imm)}: the address of a bpf-to-bpf function, imm relative like a call. */
    FUNC(4),
    /** {@code dst = map_by_idx(imm)}: a map by its index in the program's fd array. */
    MAP_IDX(5),
    /** {@code dst = map_val(map_by_idx(imm)) + next_imm}. */
    MAP_IDX_VALUE(6);

    private final int code;

    PseudoSource(int code) {
        this.code = code;
    }

    /** The {@code src_reg} value. */
    public int code() {
        return code;
    }

    /** The source for {@code src_reg}, or {@code null} if none is defined. */
    public static PseudoSource of(int code) {
        for (PseudoSource s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}

package dev.bpf4j.isa;

/** The access sizes of loads, stores and atomics (RFC 9669 section 5.1). */
public enum MemSize {
    B(Opcodes.SIZE_B, 1, "b", "u8", "s8"),
    H(Opcodes.SIZE_H, 2, "h", "u16", "s16"),
    W(Opcodes.SIZE_W, 4, "w", "u32", "s32"),
    DW(Opcodes.SIZE_DW, 8, "dw", "u64", "s64");

    private final int code;
    private final int bytes;
    private final String suffix;
    private final String unsignedType;
    private final String signedType;

    MemSize(int code, int bytes, String suffix, String unsignedType, String signedType) {
        this.code = code;
        this.bytes = bytes;
        this.suffix = suffix;
        this.unsignedType = unsignedType;
        this.signedType = signedType;
    }

    /** The size bits of the opcode. */
    public int code() {
        return code;
    }

    /** The access width in bytes. */
    public int bytes() {
        return bytes;
    }

    /** The uBPF mnemonic suffix ({@code b}, {@code h}, {@code w}, {@code dw}). */
    public String suffix() {
        return suffix;
    }

    /** The C type LLVM syntax prints for an unsigned access ({@code u8} ...). */
    public String unsignedType() {
        return unsignedType;
    }

    /** The C type LLVM syntax prints for a sign-extending access ({@code s8} ...). */
    public String signedType() {
        return signedType;
    }

    /** The size for the opcode's size bits. */
    public static MemSize ofCode(int code) {
        for (MemSize s : values()) {
            if (s.code == (code & 0x18)) {
                return s;
            }
        }
        throw new AssertionError("size bits are two bits wide");
    }

    /** The size of {@code bytes} bytes, or {@code null} if none. */
    public static MemSize ofBytes(int bytes) {
        for (MemSize s : values()) {
            if (s.bytes == bytes) {
                return s;
            }
        }
        return null;
    }
}

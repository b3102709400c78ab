package dev.bpf4j.btf;

/**
 * The kinds of BTF type ({@code BTF_KIND_*} in the kernel's {@code include/uapi/linux/btf.h} and
 * Documentation/bpf/btf.rst), with their numbers and how many bytes of extra data follow each type.
 */
public enum BtfKind {
    UNKNOWN(0), INT(1), PTR(2), ARRAY(3), STRUCT(4), UNION(5), ENUM(6), FWD(7), TYPEDEF(8), VOLATILE(9),
    CONST(10), RESTRICT(11), FUNC(12), FUNC_PROTO(13), VAR(14), DATASEC(15), FLOAT(16), DECL_TAG(17),
    TYPE_TAG(18), ENUM64(19);

    private final int value;

    BtfKind(int value) {
        this.value = value;
    }

    /** The kind's number in {@code btf_type.info} bits 24-28. */
    public int value() {
        return value;
    }

    /** The kind numbered {@code value}, or null if unknown. */
    public static BtfKind of(int value) {
        for (BtfKind k : values()) {
            if (k.value == value) {
                return k;
            }
        }
        return null;
    }

    /** Bytes of kind-specific data after the 12-byte {@code struct btf_type}, for a type with {@code vlen} entries. */
    public int extraBytes(int vlen) {
        return switch (this) {
            case INT, VAR, DECL_TAG -> 4;
            case ARRAY -> 12;
            case STRUCT, UNION, DATASEC, ENUM64 -> 12 * vlen;
            case ENUM, FUNC_PROTO -> 8 * vlen;
            case UNKNOWN, PTR, FWD, TYPEDEF, VOLATILE, CONST, RESTRICT, FUNC, FLOAT, TYPE_TAG -> 0;
        };
    }
}

package dev.bpf4j.btf;

/**
 * The kinds of BTF type ({@code BTF_KIND_*} in the kernel's {@code include/uapi/linux/btf.h} and
 * Documentation/bpf/btf.rst), with their numbers and how many bytes of extra data follow each type.
 */
public enum BtfKind {
    /** {@code BTF_KIND_UNKNOWN}. */
    UNKNOWN(0),
    /** {@code BTF_KIND_INT}. */
    INT(1),
    /** {@code BTF_KIND_PTR}. */
    PTR(2),
    /** {@code BTF_KIND_ARRAY}. */
    ARRAY(3),
    /** {@code BTF_KIND_STRUCT}. */
    STRUCT(4),
    /** {@code BTF_KIND_UNION}. */
    UNION(5),
    /** {@code BTF_KIND_ENUM}. */
    ENUM(6),
    /** {@code BTF_KIND_FWD}. */
    FWD(7),
    /** {@code BTF_KIND_TYPEDEF}. */
    TYPEDEF(8),
    /** {@code BTF_KIND_VOLATILE}. */
    VOLATILE(9),
    /** {@code BTF_KIND_CONST}. */
    CONST(10),
    /** {@code BTF_KIND_RESTRICT}. */
    RESTRICT(11),
    /** {@code BTF_KIND_FUNC}. */
    FUNC(12),
    /** {@code BTF_KIND_FUNC_PROTO}. */
    FUNC_PROTO(13),
    /** {@code BTF_KIND_VAR}. */
    VAR(14),
    /** {@code BTF_KIND_DATASEC}. */
    DATASEC(15),
    /** {@code BTF_KIND_FLOAT}. */
    FLOAT(16),
    /** {@code BTF_KIND_DECL_TAG}. */
    DECL_TAG(17),
    /** {@code BTF_KIND_TYPE_TAG}. */
    TYPE_TAG(18),
    /** {@code BTF_KIND_ENUM64}. */
    ENUM64(19);

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

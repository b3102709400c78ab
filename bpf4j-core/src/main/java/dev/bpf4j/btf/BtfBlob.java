package dev.bpf4j.btf;

import dev.bpf4j.FormatException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal reader of raw BTF (Documentation/bpf/btf.rst): the header, the type section and the string
 * section, as in {@code /sys/kernel/btf/vmlinux} or an object's {@code .BTF} section. It keeps every type
 * with its name and, for structs and unions, its members with offsets; enough to look up kernel structure
 * layouts and the ids of kernel functions. The byte order is taken from the magic.
 */
public final class BtfBlob {
    /** {@code BTF_MAGIC}. */
    public static final int MAGIC = 0xeB9F;

    private final String file;
    private final List<BtfRawType> types;

    private BtfBlob(String file, List<BtfRawType> types) {
        this.file = file;
        this.types = types;
    }

    /**
     * Parses raw BTF.
     *
     * @param file  the file name, for error messages
     * @param bytes the blob
     * @throws FormatException if the blob is truncated or malformed
     */
    public static BtfBlob parse(String file, byte[] bytes) {
        if (bytes.length < 24) {
            throw FormatException.at(file, "header", "BTF is " + bytes.length + " bytes, shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if ((b.getShort(0) & 0xffff) != MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if ((b.getShort(0) & 0xffff) != MAGIC) {
                throw FormatException.at(file, "offset 0", String.format("bad BTF magic 0x%04x", b.getShort(0) & 0xffff));
            }
        }
        int hdrLen = b.getInt(4);
        long typeOff = hdrLen + Integer.toUnsignedLong(b.getInt(8));
        long typeLen = Integer.toUnsignedLong(b.getInt(12));
        long strOff = hdrLen + Integer.toUnsignedLong(b.getInt(16));
        long strLen = Integer.toUnsignedLong(b.getInt(20));
        if (typeOff + typeLen > bytes.length || strOff + strLen > bytes.length || hdrLen < 24) {
            throw FormatException.at(file, "header", "type or string section lies outside the " + bytes.length + " bytes");
        }
        Strings strings = new Strings(file, bytes, (int) strOff, (int) strLen);
        List<BtfRawType> types = new ArrayList<>();
        types.add(new BtfRawType(0, BtfKind.UNKNOWN, "", 0, false, 0, List.of(), List.of(), null));
        int pos = (int) typeOff;
        int end = (int) (typeOff + typeLen);
        while (pos < end) {
            if (pos + 12 > end) {
                throw FormatException.at(file, "type section offset " + (pos - typeOff), "truncated btf_type");
            }
            String name = strings.at(b.getInt(pos));
            int info = b.getInt(pos + 4);
            int sizeOrType = b.getInt(pos + 8);
            int vlen = info & 0xffff;
            BtfKind kind = BtfKind.of((info >>> 24) & 0x1f);
            boolean kindFlag = (info >>> 31) != 0;
            if (kind == null || kind == BtfKind.UNKNOWN) {
                throw FormatException.at(file, "type " + types.size(), "unknown BTF kind " + ((info >>> 24) & 0x1f));
            }
            int extra = kind.extraBytes(vlen);
            if (pos + 12 + extra > end) {
                throw FormatException.at(file, "type " + types.size(), "truncated " + kind + " data");
            }
            List<BtfMember> members = new ArrayList<>();
            if (kind == BtfKind.STRUCT || kind == BtfKind.UNION) {
                for (int i = 0; i < vlen; i++) {
                    int m = pos + 12 + 12 * i;
                    int offset = b.getInt(m + 8);
                    members.add(kindFlag
                            ? new BtfMember(strings.at(b.getInt(m)), b.getInt(m + 4), offset & 0xffffff, offset >>> 24)
                            : new BtfMember(strings.at(b.getInt(m)), b.getInt(m + 4), offset, 0));
                }
            }
            List<BtfRawType.Enumerator> enumerators = new ArrayList<>();
            if (kind == BtfKind.ENUM || kind == BtfKind.ENUM64) {
                int stride = kind == BtfKind.ENUM ? 8 : 12;
                for (int i = 0; i < vlen; i++) {
                    int e = pos + 12 + stride * i;
                    long value = kind == BtfKind.ENUM
                            ? (kindFlag ? b.getInt(e + 4) : Integer.toUnsignedLong(b.getInt(e + 4)))
                            : (Integer.toUnsignedLong(b.getInt(e + 4)) | ((long) b.getInt(e + 8) << 32));
                    enumerators.add(new BtfRawType.Enumerator(strings.at(b.getInt(e)), value));
                }
            }
            BtfRawType.Array array = kind == BtfKind.ARRAY
                    ? new BtfRawType.Array(b.getInt(pos + 12), b.getInt(pos + 16), b.getInt(pos + 20)) : null;
            types.add(new BtfRawType(types.size(), kind, name, vlen, kindFlag, sizeOrType, members, enumerators, array));
            pos += 12 + extra;
        }
        return new BtfBlob(file, List.copyOf(types));
    }

    /** All types, indexed by id (index 0 is void). */
    public List<BtfRawType> types() {
        return types;
    }

    /** The type with {@code id}. */
    public BtfRawType type(int id) {
        if (id < 0 || id >= types.size()) {
            throw FormatException.at(file, "type " + id, "no such type id (there are " + types.size() + ")");
        }
        return types.get(id);
    }

    /** The first type of {@code kind} named {@code name}. */
    public Optional<BtfRawType> find(BtfKind kind, String name) {
        for (BtfRawType t : types) {
            if (t.kind() == kind && t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The size in bytes of type {@code id}: ints, floats, structs, unions and enums carry it, pointers are
     * 8 bytes, arrays multiply, typedefs and qualifiers follow their target.
     */
    public long sizeOf(int id) {
        BtfRawType t = resolve(id);
        return switch (t.kind()) {
            case INT, FLOAT, STRUCT, UNION, ENUM, ENUM64, DATASEC -> Integer.toUnsignedLong(t.sizeOrType());
            case PTR -> 8;
            case ARRAY -> t.array().length() * sizeOf(t.array().elemType());
            default -> throw FormatException.at(file, "type " + id, t.kind() + " has no size");
        };
    }

    /** Follows typedefs and qualifiers (const, volatile, restrict, type tags) to the underlying type. */
    public BtfRawType resolve(int id) {
        BtfRawType t = type(id);
        for (int guard = 0; guard < 64; guard++) {
            switch (t.kind()) {
                case TYPEDEF, CONST, VOLATILE, RESTRICT, TYPE_TAG -> t = type(t.sizeOrType());
                default -> {
                    return t;
                }
            }
        }
        throw FormatException.at(file, "type " + id, "qualifier chain too long");
    }

    private record Strings(String file, byte[] bytes, int offset, int length) {
        String at(int off) {
            if (off < 0 || off >= length) {
                throw FormatException.at(file, "string section", "string offset " + off + " outside " + length + " bytes");
            }
            int start = offset + off;
            int end = start;
            while (end < offset + length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, start, end - start, StandardCharsets.UTF_8);
        }
    }
}

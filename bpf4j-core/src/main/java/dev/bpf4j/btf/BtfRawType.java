package dev.bpf4j.btf;

import java.util.List;

/**
 * One BTF type as stored ({@code struct btf_type} and its kind-specific data), before any
 * interpretation: the raw material the full BTF model is built from.
 *
 * @param id          the type id (1-based; 0 is void)
 * @param kind        the kind
 * @param name        the name, empty for anonymous types
 * @param vlen        the number of entries (members, enumerators, parameters)
 * @param kindFlag    the kind flag bit (for structs: member offsets carry bit-field sizes)
 * @param sizeOrType  the byte size (int, struct, union, enum, datasec, float) or the referenced type id
 * @param members     for structs and unions, the members; otherwise empty
 * @param enumerators for enums (32 and 64-bit), the named values; otherwise empty
 * @param array       for arrays, element type and length; otherwise null
 */
public record BtfRawType(int id, BtfKind kind, String name, int vlen, boolean kindFlag, int sizeOrType,
                         List<BtfMember> members, List<Enumerator> enumerators, Array array) {
    /** Copies the lists. */
    public BtfRawType {
        members = List.copyOf(members);
        enumerators = List.copyOf(enumerators);
    }

    /**
     * One named value of an enum.
     *
     * @param name  the enumerator's name
     * @param value its value (sign-extended for signed 32-bit enums)
     */
    public record Enumerator(String name, long value) {
    }

    /**
     * The shape of an array type ({@code struct btf_array}).
     *
     * @param elemType  the element type id
     * @param indexType the index type id
     * @param length    the number of elements
     */
    public record Array(int elemType, int indexType, int length) {
    }
}

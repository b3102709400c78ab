package dev.bpf4j.btf;

/**
 * A member of a BTF struct or union.
 *
 * @param name         the member's name, empty for an anonymous struct or union member
 * @param typeId       the id of the member's type
 * @param bitOffset    the offset in bits from the start of the enclosing struct or union
 * @param bitfieldSize the width in bits of a bit-field member, 0 for an ordinary member
 */
public record BtfMember(String name, int typeId, int bitOffset, int bitfieldSize) {
    /** The byte offset (bit offset divided by 8, rounding down for bit-fields). */
    public int byteOffset() {
        return bitOffset / 8;
    }
}

package dev.bpf4j.vm.maps;

import java.util.Arrays;

/** A hash map key: a private copy of the key bytes, compared by content. */
record Key(byte[] bytes) {
    /** Copies the bytes so later writes to the program's buffer cannot change the key. */
    static Key of(byte[] bytes) {
        return new Key(bytes.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}

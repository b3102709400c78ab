package dev.bpf4j.isa;

/**
 * Where a jump or a local call goes: a relative offset in instruction slots (as encoded, counted from the
 * slot after the instruction) or a label that {@link Program} resolves when it encodes.
 */
public sealed interface Target {
    /** A relative target: {@code pc + 1 + slots}. */
    record Offset(int slots) implements Target {
    }

    /** A symbolic target, resolved against a {@link Program}'s labels. */
    record Label(String name) implements Target {
        /** Checks the name is usable as an assembler label. */
        public Label {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a label needs a name");
            }
        }
    }

    /** A relative target of {@code slots}. */
    static Target offset(int slots) {
        return new Offset(slots);
    }

    /** A target naming label {@code name}. */
    static Target label(String name) {
        return new Label(name);
    }
}

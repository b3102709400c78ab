package dev.bpf4j.kernel;

/** How an update treats an existing element ({@code BPF_ANY}, {@code BPF_NOEXIST}, {@code BPF_EXIST}). */
public enum UpdateFlag {
    /** Create the element or replace it. */
    ANY(0),
    /** Create the element only if it does not exist (EEXIST otherwise). */
    NOEXIST(1),
    /** Replace the element only if it exists (ENOENT otherwise). */
    EXIST(2);

    private final int value;

    UpdateFlag(int value) {
        this.value = value;
    }

    /** The flag's kernel value. */
    public int value() {
        return value;
    }
}

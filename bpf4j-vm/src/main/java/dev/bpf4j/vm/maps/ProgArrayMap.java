package dev.bpf4j.vm.maps;

import dev.bpf4j.isa.Program;

/**
 * {@code BPF_MAP_TYPE_PROG_ARRAY}: the slots {@code bpf_tail_call} jumps through. Filled from Java (as
 * userspace fills it through bpf() with program fds); programs cannot update it, as the verifier forbids.
 */
public final class ProgArrayMap implements VmMap {
    private final MapSpec spec;
    private final Program[] programs;

    ProgArrayMap(MapSpec spec) {
        this.spec = spec;
        this.programs = new Program[spec.maxEntries()];
    }

    @Override
    public MapSpec spec() {
        return spec;
    }

    /** Puts {@code program} (null to clear) at {@code index}. */
    public void set(int index, Program program) {
        if (index < 0 || index >= programs.length) {
            throw new IndexOutOfBoundsException("map " + spec.name() + ": index " + index + " is beyond max_entries "
                    + programs.length);
        }
        programs[index] = program;
    }

    /** The program at {@code index}, or null if the slot is empty or out of range. */
    public Program get(long index) {
        return index >= 0 && index < programs.length ? programs[(int) index] : null;
    }
}

package dev.bpf4j.kernel;

import dev.bpf4j.kernel.sys.Bpf;
import dev.bpf4j.kernel.sys.BpfCommand;
import dev.bpf4j.kernel.sys.Errno;

import java.util.ArrayList;
import java.util.List;

/**
 * Enumerates the BPF objects alive in the whole system by id (what {@code bpftool prog list} walks):
 * programs, maps, links and BTF objects. Ids are stable for an object's lifetime and never reused soon,
 * so they are how tools name objects they did not create; {@link BpfMap#fromId} and
 * {@link BpfProgram#fromId} open them.
 */
public final class KernelObjects {
    private KernelObjects() {
    }

    /** The ids of all loaded programs, ascending. */
    public static List<Integer> programIds() {
        return ids(BpfCommand.BPF_PROG_GET_NEXT_ID);
    }

    /** The ids of all maps, ascending. */
    public static List<Integer> mapIds() {
        return ids(BpfCommand.BPF_MAP_GET_NEXT_ID);
    }

    /** The ids of all links, ascending. */
    public static List<Integer> linkIds() {
        return ids(BpfCommand.BPF_LINK_GET_NEXT_ID);
    }

    /** The ids of all BTF objects (vmlinux, modules, loaded blobs), ascending. */
    public static List<Integer> btfIds() {
        return ids(BpfCommand.BPF_BTF_GET_NEXT_ID);
    }

    private static List<Integer> ids(BpfCommand cmd) {
        List<Integer> ids = new ArrayList<>();
        int id = 0;
        while (true) {
            int next = Bpf.nextId(cmd, id);
            if (next == -Errno.ENOENT) {
                return ids;
            }
            if (next < 0) {
                throw new SyscallException(cmd.name(), -next);
            }
            ids.add(next);
            id = next;
        }
    }
}

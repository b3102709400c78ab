package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.Native;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Cgroup programs (cgroup_skb, cgroup_sock, cgroup_sock_addr, sockopt, sysctl, device) attached to a
 * cgroup v2 directory with a BPF link: they apply to every process in the cgroup and its descendants.
 * The attach type says which hook (e.g. CGROUP_INET_EGRESS, CGROUP_INET4_CONNECT) and must match the
 * program's expected attach type where it has one.
 */
public final class Cgroup {
    /** {@code O_RDONLY | O_CLOEXEC} (the same on x86_64 and arm64; a directory opens read-only without O_DIRECTORY). */
    private static final int O_RDONLY_CLOEXEC = 02000000;

    private Cgroup() {
    }

    /** The mount point of the cgroup v2 hierarchy ({@code /sys/fs/cgroup}, or {@code .../unified} on hybrid systems). */
    public static Optional<Path> v2Root() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length >= 3 && f[2].equals("cgroup2")) {
                    return Optional.of(Path.of(f[1]));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/mounts", e);
        }
    }

    /**
     * Attaches {@code program} to the cgroup directory {@code cgroup} at hook {@code attachType}.
     *
     * @throws SyscallException e.g. EINVAL when the program type does not fit the attach type
     */
    public static BpfLink attach(BpfProgram program, Path cgroup, AttachType attachType) {
        int fd = Native.open(cgroup.toString(), O_RDONLY_CLOEXEC, 0);
        if (fd < 0) {
            throw new SyscallException("open", -fd, "cgroup " + cgroup);
        }
        try {
            // The link holds the cgroup; our directory fd is not needed afterwards.
            return BpfLink.create(program.fd(), fd, attachType.value(), 0, 0, null,
                    "cgroup " + attachType + " on " + cgroup);
        } finally {
            Native.close(fd);
        }
    }
}

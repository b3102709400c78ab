package dev.bpf4j.kernel;

import dev.bpf4j.kernel.sys.Bpf;
import dev.bpf4j.kernel.sys.Native;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The BPF filesystem, where maps and programs are pinned so they outlive the process that made them.
 * Many machines (this project's included) do not mount it by default, so {@link #ensureMounted()} mounts
 * it at {@code /sys/fs/bpf} when {@code /proc/mounts} shows no bpffs there.
 */
public final class BpfFs {
    /** The conventional mount point. */
    public static final String DEFAULT_MOUNT = "/sys/fs/bpf";

    private BpfFs() {
    }

    /** Whether a bpffs is mounted exactly at {@code dir}, according to {@code /proc/mounts}. */
    public static boolean isMounted(String dir) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length >= 3 && f[1].equals(dir) && f[2].equals("bpf")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/mounts", e);
        }
    }

    /**
     * Mounts a bpffs at {@link #DEFAULT_MOUNT} unless one is there already; returns the mount point.
     *
     * @throws SyscallException from mount(2), e.g. EPERM without CAP_SYS_ADMIN
     */
    public static String ensureMounted() {
        if (!isMounted(DEFAULT_MOUNT)) {
            int r = Native.mount("bpf", DEFAULT_MOUNT, "bpf", 0);
            if (r < 0) {
                throw new SyscallException("mount", -r, "bpffs at " + DEFAULT_MOUNT);
            }
        }
        return DEFAULT_MOUNT;
    }

    /** Pins object {@code fd} at {@code path} (BPF_OBJ_PIN). */
    static void pin(int fd, String path) {
        try {
            Bpf.objPin(fd, path);
        } catch (SyscallException e) {
            throw new SyscallException(e.command(), e.errno(), path);
        }
    }

    /** Removes the pin at {@code path}; returns whether there was one. The object dies with its last reference. */
    public static boolean unpin(String path) {
        try {
            return Files.deleteIfExists(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpin " + path, e);
        }
    }
}

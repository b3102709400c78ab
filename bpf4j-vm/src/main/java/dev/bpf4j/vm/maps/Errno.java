package dev.bpf4j.vm.maps;

/**
 * The Linux errno values that map operations and helpers return (negated), so a program sees exactly what
 * it would see in the kernel.
 */
public final class Errno {
    private Errno() {
    }

    /** Operation not permitted. */
    public static final int EPERM = 1;
    /** No such entry. */
    public static final int ENOENT = 2;
    /** Map full, or index beyond max_entries. */
    public static final int E2BIG = 7;
    /** Bad address. */
    public static final int EFAULT = 14;
    /** Try again (ring buffer full in bpf_ringbuf_output). */
    public static final int EAGAIN = 11;
    /** Busy. */
    public static final int EBUSY = 16;
    /** Entry exists (BPF_NOEXIST). */
    public static final int EEXIST = 17;
    /** Invalid argument (bad flags, unsupported operation on this map type). */
    public static final int EINVAL = 22;
    /** Out of space (ring buffer). */
    public static final int ENOSPC = 28;
}

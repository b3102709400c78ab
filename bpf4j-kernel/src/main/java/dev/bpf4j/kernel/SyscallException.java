package dev.bpf4j.kernel;

import dev.bpf4j.BpfException;
import dev.bpf4j.kernel.sys.Errno;

/**
 * A system call the kernel refused: the message names the command and the errno, like
 * {@code "BPF_PROG_LOAD: EACCES (Permission denied)"}, so a user sees what was asked and why it failed
 * without a stack trace. Callers that can recover (an absent key, a full buffer) test {@link #errno()}.
 */
public class SyscallException extends BpfException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final int errno;

    /** The failure of {@code command} (e.g. {@code "BPF_MAP_CREATE"}) with {@code errno}. */
    public SyscallException(String command, int errno) {
        this(command, errno, "");
    }

    /** The failure of {@code command} with {@code errno}, and {@code detail} appended after a colon. */
    public SyscallException(String command, int errno, String detail) {
        super(command + ": " + Errno.describe(errno) + (detail.isEmpty() ? "" : ": " + detail));
        this.command = command;
        this.errno = errno;
    }

    /** The command that failed, e.g. {@code BPF_MAP_CREATE} or {@code perf_event_open}. */
    public String command() {
        return command;
    }

    /** The positive errno value the kernel returned. */
    public int errno() {
        return errno;
    }

    /** The symbolic errno name, e.g. {@code ENOENT}. */
    public String errnoName() {
        return Errno.name(errno);
    }
}

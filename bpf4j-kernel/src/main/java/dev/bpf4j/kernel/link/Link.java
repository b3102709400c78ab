package dev.bpf4j.kernel.link;

/**
 * A live attachment of a program to an event source. Closing it detaches the program (the kernel keeps
 * the program loaded as long as any link, pin or fd holds it); closing twice does nothing. Links are
 * sealed to the three ways the kernel attaches: a BPF link object ({@link BpfLink}), perf events that
 * carry a program ({@link PerfEventLink}), and a socket's filter slot ({@link SocketFilterLink}).
 */
public sealed interface Link extends AutoCloseable permits BpfLink, PerfEventLink, SocketFilterLink {
    /** The kernel's link id (as {@code bpftool link} shows), or 0 when the attachment has no BPF link. */
    int id();

    /** What this link attaches, for messages: e.g. {@code "tracepoint syscalls:sys_enter_getpid"}. */
    String description();

    /** Whether {@link #close()} has been called. */
    boolean isClosed();

    /** Detaches; idempotent and never throws for an attachment the kernel already dropped. */
    @Override
    void close();
}

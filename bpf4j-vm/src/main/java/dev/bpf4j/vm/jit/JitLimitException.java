package dev.bpf4j.vm.jit;

import dev.bpf4j.vm.VmException;

/**
 * The JIT cannot compile a program that the interpreter can run: one eBPF function needs more than the JVM's
 * 64 KiB of bytecode per method. (Functions are compiled to separate methods, so this is about a single
 * function of several thousand instructions.) Callers that want a result anyway catch it and use
 * {@link dev.bpf4j.vm.interp.Interpreter}, as the CLI's {@code --engine jit} does.
 */
public final class JitLimitException extends VmException {
    private static final long serialVersionUID = 1L;

    /** A refusal for function {@code entry} (an instruction slot), with the JDK's reason. */
    public JitLimitException(int entry, String reason) {
        super(entry, "the function starting here is too large for the JIT (" + reason
                + "): it needs more than the JVM's 64 KiB of bytecode per method; run it with the interpreter");
    }
}

package dev.bpf4j.cli.kernel;

import dev.bpf4j.cli.ExitCode;
import dev.bpf4j.kernel.SyscallException;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * Turns the kernel's refusals for lack of privilege into the one line a user can act on. Enumerating
 * and opening other processes' BPF objects by id needs CAP_SYS_ADMIN (kernel/bpf/syscall.c checks it for
 * the GET_NEXT_ID and GET_FD_BY_ID commands), reading a pinned object needs access to the bpffs file.
 */
final class KernelAccess {
    private KernelAccess() {
    }

    /**
     * The message for {@code e} while doing {@code what} ("list programs"), or null when {@code e} is not a
     * matter of privilege.
     */
    static String permissionMessage(String what, SyscallException e) {
        if (e.errno() != 1 && e.errno() != 13) { // EPERM, EACCES
            return null;
        }
        return "bpf4j: cannot " + what + ": the kernel requires CAP_SYS_ADMIN (run as root) ("
                + e.command() + " failed with " + (e.errno() == 1 ? "EPERM" : "EACCES") + ")";
    }

    /** Runs {@code body}; a privilege refusal is printed to {@code err} as one line and exits NO_PERMISSION. */
    static int run(String what, PrintStream err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (SyscallException e) {
            String message = permissionMessage(what, e);
            if (message == null) {
                throw e;
            }
            err.println(message);
            return ExitCode.NO_PERMISSION;
        }
    }
}

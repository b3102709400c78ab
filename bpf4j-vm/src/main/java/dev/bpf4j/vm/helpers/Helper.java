package dev.bpf4j.vm.helpers;

/**
 * A helper function: takes {@code r1}..{@code r5}, returns what goes into {@code r0}. Errors the program
 * should see are negative errno return values; a helper throws {@link dev.bpf4j.vm.VmException} only when
 * the program cannot go on (a bad pointer, a handle that is no map).
 */
@FunctionalInterface
public interface Helper {
    /** Calls the helper with the VM's context and the five argument registers. */
    long call(HelperContext ctx, long r1, long r2, long r3, long r4, long r5);
}

package dev.bpf4j.vm.helpers;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.maps.ProgArrayMap;
import dev.bpf4j.vm.maps.VmMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * What helpers see of a running program, shared by every engine (the interpreter and the JIT): memory,
 * maps, CPU, trace sink, random numbers, helper dispatch with its errors, and tail calls with the kernel's
 * limit. An engine supplies only how it continues into a tail-called program, so helpers behave, and fail,
 * the same whichever engine runs them.
 */
public abstract class HelperRuntime implements HelperContext {
    /** The kernel's MAX_TAIL_CALL_CNT: tail calls allowed per run. */
    public static final int MAX_TAIL_CALLS = 33;

    private final Memory memory;
    private final VmOptions options;
    private final HelperRegistry helpers;
    private final List<VmMap> maps;
    private final RandomGenerator random;
    private int callPc;
    private int tailCalls;

    /** A runtime over {@code memory} and {@code maps} (handle order), with {@code options}' helpers. */
    protected HelperRuntime(Memory memory, VmOptions options, List<VmMap> maps) {
        this.memory = memory;
        this.options = options;
        this.helpers = options.helpers();
        this.maps = maps;
        this.random = new SplittableRandom(options.randomSeed());
    }

    /**
     * Calls helper {@code id} for the instruction at {@code slot}. An unknown id, or a helper failing with
     * anything but a {@link VmException}, stops the program with a {@link VmException} naming the slot.
     */
    protected final long invokeHelper(int id, int slot, long r1, long r2, long r3, long r4, long r5) {
        Helper h = helpers.get(id);
        callPc = slot;
        if (h == null) {
            throw new VmException(slot, "unknown helper id " + id);
        }
        try {
            return h.call(this, r1, r2, r3, r4, r5);
        } catch (VmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new VmException(slot, "helper " + helpers.name(id) + " (" + id + ") failed: "
                    + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    /** Starts a run: no tail calls made yet. */
    protected final void resetTailCalls() {
        tailCalls = 0;
    }

    /** Makes the engine continue with {@code program} once the current helper call returns. */
    protected abstract void continueWith(Program program);

    @Override
    public final Memory memory() {
        return memory;
    }

    @Override
    public final int pc() {
        return callPc;
    }

    @Override
    public final VmMap map(long handle) {
        int slot = (int) handle;
        if (Memory.regionOf(handle) != Memory.MAP_REGION || slot < 0 || slot >= maps.size()) {
            throw new VmException(callPc, String.format("0x%x is not a map", handle));
        }
        return maps.get(slot);
    }

    @Override
    public final List<VmMap> maps() {
        return maps;
    }

    @Override
    public final int cpu() {
        return options.cpu();
    }

    @Override
    public final Consumer<String> traceSink() {
        return options.traceSink();
    }

    @Override
    public final RandomGenerator random() {
        return random;
    }

    @Override
    public final long tailCall(VmMap progArray, long index) {
        if (!(progArray instanceof ProgArrayMap pa)) {
            throw new VmException(callPc, "tail call through map " + progArray.spec().name() + ", a "
                    + progArray.spec().type() + ", not a program array");
        }
        Program p = pa.get(index & 0xffffffffL);
        if (p == null) {
            return -dev.bpf4j.vm.maps.Errno.ENOENT;
        }
        if (tailCalls >= MAX_TAIL_CALLS) {
            return -dev.bpf4j.vm.maps.Errno.EBUSY;
        }
        tailCalls++;
        continueWith(p);
        return 0;
    }
}

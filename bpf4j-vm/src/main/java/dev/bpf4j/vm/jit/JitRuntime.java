package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.helpers.HelperContext;
import dev.bpf4j.vm.helpers.HelperRuntime;
import dev.bpf4j.vm.maps.VmMap;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What compiled code shares across its methods and with helpers during a run: the address space, the
 * instruction count, r1-r5 as a returning function leaves them, tail calls, and the slow paths (helper
 * calls, legacy packet loads, errors) with the interpreter's exact messages. It is the
 * {@link HelperContext} helpers see, so helpers behave identically under both engines. One thread at a time.
 */
final class JitRuntime extends HelperRuntime {

    final long budget;
    /** Instructions executed so far (exact at function boundaries and after a run or fault). */
    long n;
    /** Set once the count of a faulting run is exact, so outer frames leave it alone. */
    boolean counted;
    /** r1-r5 as the last returning function left them (the caller reloads them). */
    long o1, o2, o3, o4, o5;
    /** The entry of the program a helper tail-called into, until the call site takes it. */
    MethodHandle pendingTail;

    private final Function<Program, JitCompiler.Compiled> tailCompiler;
    private final Map<Program, JitCompiler.Compiled> tails = new IdentityHashMap<>();
    private final List<int[]> slotTails = new ArrayList<>();

    JitRuntime(Memory memory, VmOptions options, List<VmMap> maps, Function<Program, JitCompiler.Compiled> tailCompiler) {
        super(memory, options, maps);
        this.budget = options.instructionBudget();
        this.tailCompiler = tailCompiler;
    }

    /** Clears the per-run state. */
    void reset() {
        n = 0;
        counted = false;
        resetTailCalls();
        pendingTail = null;
    }

    /** The id the next compiled program gets (its fault-count table's index). */
    int nextProgramId() {
        return slotTails.size();
    }

    /** Records a compiled program's table: per slot, the instructions of its block after it. */
    void register(int id, int[] tailsBySlot) {
        if (id != slotTails.size()) {
            throw new IllegalStateException("programs registered out of order");
        }
        slotTails.add(tailsBySlot);
    }

    /** The current region table (fetched again after anything that may map a region). */
    byte[][] table() {
        return memory().table();
    }

    /**
     * Makes the count exact for a run stopped by {@code e} in program {@code prog}: {@code blockCount} has
     * the whole block of the faulting instruction counted, the table says how much of it did not run.
     */
    void count(long blockCount, VmException e, int prog) {
        if (counted) {
            return;
        }
        counted = true;
        int slot = e.pc();
        int[] table = slotTails.get(prog);
        n = slot >= 0 && slot < table.length ? blockCount - table[slot] : blockCount;
    }

    /** Calls helper {@code id} with r1-r5 and returns r0 (the interpreter's errors for unknown or failing ones). */
    long callHelper(int id, int slot, long r1, long r2, long r3, long r4, long r5) {
        return invokeHelper(id, slot, r1, r2, r3, r4, r5);
    }

    /** The helper id a {@code callx} register holds. */
    int helperIdOf(long target, int slot) {
        if (target < 0 || target > Integer.MAX_VALUE) {
            throw new VmException(slot, String.format(
                    "callx to 0x%x: neither a helper id nor a function address", target));
        }
        return (int) target;
    }

    /** The instruction index a {@code callx} to a code address enters, checked against the program size. */
    int checkFunction(long target, int slot, int size) {
        int to = (int) target;
        if (to < 0 || to >= size) {
            throw new VmException(slot, String.format("callx to 0x%x: no such instruction", target));
        }
        return to;
    }

    /** A {@code callx} to an instruction that no call or {@code lddw} names as a function. */
    VmException notAFunction(int to, int slot) {
        return new VmException(slot, "callx to instruction " + to + ": the JIT enters only functions that a call"
                + " or an lddw of a function names (run this program with the interpreter)");
    }

    VmException callTooDeep(int slot) {
        return new VmException(slot, "call depth exceeds " + Memory.MAX_FRAMES + " frames (the kernel's limit)");
    }

    /**
     * The checked copy's test before an instruction: {@code count} has its whole block counted, {@code back}
     * is how many of the block's instructions (this one included) have not run yet.
     */
    void tick(long count, int back, int slot) {
        if (count - back >= budget) {
            throw budgetExceeded(slot);
        }
    }

    /** The budget error at {@code slot}; the count is then exactly the budget. */
    VmException budgetExceeded(int slot) {
        n = budget;
        counted = true;
        return new VmException(slot, "instruction budget of " + budget
                + " exhausted (a loop that does not end? raise VmOptions.instructionBudget)");
    }

    VmException fellOff(int slot) {
        return new VmException(slot, "ran past the last instruction without an exit");
    }

    VmException kfunc(int btfId, int slot) {
        return new VmException(slot, "kfunc call (BTF id " + btfId
                + ") is not supported in the userspace VM: kfuncs are kernel functions");
    }

    /**
     * A legacy packet load from the input memory, big-endian: {@code size} bytes at {@code imm + index}. Out
     * of bounds (or no input), the whole program ends with r0 = 0 (a {@link PacketAbort}).
     */
    long packetLoad(long index, int imm, int size, int slot) {
        byte[] pkt = memory().regionArray(Memory.address(Memory.INPUT_REGION, 0));
        long off = (long) imm + (int) index;
        if (pkt == null || off < 0 || off + size > pkt.length) {
            throw new PacketAbort(slot);
        }
        int i = (int) off;
        return switch (size) {
            case 1 -> pkt[i] & 0xffL;
            case 2 -> (pkt[i] & 0xff) << 8 | (pkt[i + 1] & 0xff);
            default -> ((pkt[i] & 0xffL) << 24) | (pkt[i + 1] & 0xff) << 16 | (pkt[i + 2] & 0xff) << 8
                    | (pkt[i + 3] & 0xff);
        };
    }

    /** Continues in the program a helper tail-called, at the same depth, and returns what it returns. */
    long runTail(int depth, long r0, long r1, long r2, long r3, long r4, long r5, long r6, long r7, long r8,
            long r9) {
        MethodHandle entry = pendingTail;
        pendingTail = null;
        try {
            return (long) entry.invokeExact(this, depth, r0, r1, r2, r3, r4, r5, r6, r7, r8, r9);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    protected void continueWith(Program program) {
        pendingTail = tails.computeIfAbsent(program, tailCompiler).entry();
    }
}

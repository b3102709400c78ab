package dev.bpf4j.vm.interp;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.helpers.HelperContext;
import dev.bpf4j.vm.helpers.HelperRuntime;
import dev.bpf4j.vm.maps.VmMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The state of one VM outside the execute loop's locals: registers, the call stack of bpf-to-bpf frames
 * (r6-r9, return point and code saved per frame; at most {@link Memory#MAX_FRAMES} frames), tail calls
 * (at most {@link HelperRuntime#MAX_TAIL_CALLS} per run), and the {@link HelperContext} that helpers see. Also the
 * slow paths of the loop (calls, legacy packet loads, errors) so the loop itself stays small.
 */
final class Machine extends HelperRuntime {

    final long[] regs = new long[16];
    final Memory memory;
    final long budget;
    long executed;
    int depth;

    private final long[] saved = new long[Memory.MAX_FRAMES * 4];
    private final int[] retPc = new int[Memory.MAX_FRAMES];
    private final Code[] retCode = new Code[Memory.MAX_FRAMES];
    private final Function<Program, Code> decoder;
    private final Map<Program, Code> tailCodes = new IdentityHashMap<>();
    private Code pendingTail;

    Machine(Memory memory, VmOptions options, List<VmMap> maps, Function<Program, Code> decoder) {
        super(memory, options, maps);
        this.memory = memory;
        this.budget = options.instructionBudget();
        this.decoder = decoder;
    }

    /** Clears the per-run state. */
    void reset() {
        java.util.Arrays.fill(regs, 0);
        depth = 0;
        resetTailCalls();
        pendingTail = null;
        executed = 0;
    }

    /** Enters a bpf-to-bpf call: saves the callee-saved registers and the return point, gives a new frame. */
    void push(Code cur, int returnPc) {
        if (depth + 1 >= Memory.MAX_FRAMES) {
            throw new VmException(cur.slotOf(returnPc - 1), "call depth exceeds " + Memory.MAX_FRAMES
                    + " frames (the kernel's limit)");
        }
        System.arraycopy(regs, 6, saved, depth * 4, 4);
        retPc[depth] = returnPc;
        retCode[depth] = cur;
        depth++;
        regs[10] = Memory.framePointer(depth);
    }

    /** Leaves a bpf-to-bpf call: restores r6-r9 and r10 and returns the caller's next instruction. */
    int pop() {
        depth--;
        System.arraycopy(saved, depth * 4, regs, 6, 4);
        regs[10] = Memory.framePointer(depth);
        return retPc[depth];
    }

    /** The code of the frame just returned to. */
    Code frameCode() {
        return retCode[depth];
    }

    /** The instruction index a {@code callx} to a code address jumps to. */
    int checkFunction(long target, Code cur, int pc) {
        int to = (int) target;
        if (to < 0 || to >= cur.words().length - 1) {
            throw new VmException(cur.slotOf(pc), String.format("callx to 0x%x: no such instruction", target));
        }
        return to;
    }

    /** The helper id a {@code callx} register holds. */
    int helperIdOf(long target, Code cur, int pc) {
        if (target < 0 || target > Integer.MAX_VALUE) {
            throw new VmException(cur.slotOf(pc), String.format(
                    "callx to 0x%x: neither a helper id nor a function address", target));
        }
        return (int) target;
    }

    /** Calls helper {@code id} with r1-r5 and returns r0. */
    long callHelper(int id, Code cur, int pc) {
        return invokeHelper(id, cur.slotOf(pc), regs[1], regs[2], regs[3], regs[4], regs[5]);
    }

    /** The program a successful {@code bpf_tail_call} moved to, once (null if none). */
    Code takeTailCall() {
        Code t = pendingTail;
        pendingTail = null;
        return t;
    }

    /**
     * A legacy packet load (RFC 9669 section 5.5) from the input memory, big-endian, or -1 if it is out of
     * bounds or there is no input: then, as in the kernel, the program ends with r0 = 0.
     */
    long packetLoad(long w, long src) {
        byte[] pkt = memory.regionArray(Memory.address(Memory.INPUT_REGION, 0));
        int op = (int) w & 0xff;
        boolean indirect = op >= Op.LDIND_B;
        int size = 1 << ((op - Op.LDABS_B) % 3);
        long off = (long) (int) (w >> 32) + (indirect ? (int) src : 0);
        if (pkt == null || off < 0 || off + size > pkt.length) {
            return -1;
        }
        int i = (int) off;
        return switch (size) {
            case 1 -> pkt[i] & 0xffL;
            case 2 -> (pkt[i] & 0xff) << 8 | (pkt[i + 1] & 0xff);
            default -> ((pkt[i] & 0xffL) << 24) | (pkt[i + 1] & 0xff) << 16 | (pkt[i + 2] & 0xff) << 8
                    | (pkt[i + 3] & 0xff);
        };
    }

    VmException budgetExceeded(Code cur, int pc) {
        return new VmException(cur.slotOf(pc), "instruction budget of " + budget
                + " exhausted (a loop that does not end? raise VmOptions.instructionBudget)");
    }

    VmException fellOff(Code cur, int pc) {
        return new VmException(cur.slotOf(pc), "ran past the last instruction without an exit");
    }

    VmException kfunc(int btfId, Code cur, int pc) {
        return new VmException(cur.slotOf(pc), "kfunc call (BTF id " + btfId
                + ") is not supported in the userspace VM: kfuncs are kernel functions");
    }

    @Override
    protected void continueWith(Program program) {
        pendingTail = tailCodes.computeIfAbsent(program, decoder);
    }
}

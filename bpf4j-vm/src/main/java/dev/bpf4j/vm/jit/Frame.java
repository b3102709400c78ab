package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.Reg;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * The JVM frame layout of generated methods, and the descriptors generated code calls. A function method's
 * parameters are the runtime, the call depth and r0-r9; r10, the instruction count, the region table, the
 * current stack frame's array and the input memory's array follow as locals, then the promoted stack slots
 * ({@link StackSlots}).
 */
final class Frame {
    static final int RT = 0;
    static final int DEPTH = 1;
    static final int R10 = 22;
    static final int COUNT = 24;
    /** The block a checked method starts at (its last parameter). */
    static final int BLOCK = 26;
    static final int TABLE = 29;
    static final int STACK = 30;
    static final int TEMP = 31;
    /** The input memory's array (or an empty one), for the fast path of general accesses. */
    static final int INPUT = 32;

    static final ClassDesc CD_RT = ClassDesc.of("dev.bpf4j.vm.jit.JitRuntime");
    static final ClassDesc CD_MEMORY = ClassDesc.of("dev.bpf4j.vm.jit.JitMemory");
    static final ClassDesc CD_ARITH = ClassDesc.of("dev.bpf4j.vm.jit.JitArith");
    static final ClassDesc CD_ATOMICS = ClassDesc.of("dev.bpf4j.vm.jit.JitAtomics");
    static final ClassDesc CD_VMEX = ClassDesc.of("dev.bpf4j.vm.VmException");
    static final ClassDesc CD_TABLE = ConstantDescs.CD_byte.arrayType(2);
    static final ClassDesc CD_BYTES = ConstantDescs.CD_byte.arrayType();
    static final ClassDesc CD_J = ConstantDescs.CD_long;
    static final ClassDesc CD_I = ConstantDescs.CD_int;

    /** {@code (JitRuntime, int depth, long r0..r9) long}: one eBPF function. */
    static final MethodTypeDesc FUNCTION = MethodTypeDesc.of(CD_J, params(CD_RT, CD_I, 10));
    /** {@code (JitRuntime, int depth, long r0..r10, long count, int block) long}: a function's checked copy. */
    static final MethodTypeDesc CHECKED = MethodTypeDesc.of(CD_J, params(CD_RT, CD_I, 12))
            .insertParameterTypes(14, CD_I);
    /** {@code (JitRuntime, int depth, long r0..r9, int target, int slot) long}: callx into a function. */
    static final MethodTypeDesc DISPATCH = MethodTypeDesc.of(CD_J, params(CD_RT, CD_I, 10))
            .insertParameterTypes(12, CD_I, CD_I);

    private Frame() {
    }

    /** The local slot of register {@code r}. */
    static int reg(Reg r) {
        return reg(r.number());
    }

    /** The local slot of register number {@code n} (0..10). */
    static int reg(int n) {
        return 2 + 2 * n;
    }

    private static ClassDesc[] params(ClassDesc a, ClassDesc b, int longs) {
        ClassDesc[] out = new ClassDesc[2 + longs];
        out[0] = a;
        out[1] = b;
        for (int i = 0; i < longs; i++) {
            out[2 + i] = CD_J;
        }
        return out;
    }
}

package dev.bpf4j.isa;

import java.util.Objects;

/**
 * One eBPF instruction, by what it does (RFC 9669). A closed set: switch over it exhaustively.
 * Jump and local-call targets are {@link Target}s, symbolic until a {@link Program} encodes them; map
 * references in {@link LoadImm64} may be symbolic too. Every record checks its own invariants, so an
 * {@code Insn} that exists can always be encoded (given its labels and symbols).
 */
public sealed interface Insn
        permits Insn.Alu, Insn.Endian, Insn.Jump, Insn.Goto, Insn.Load, Insn.Store, Insn.Atomic,
        Insn.LoadImm64, Insn.Call, Insn.Exit, Insn.PacketLoad {

    /** How many 8-byte slots the instruction takes: 2 for {@link LoadImm64}, 1 for the rest. */
    default int slots() {
        return 1;
    }

    /**
     * Arithmetic: {@code dst = dst op src} (section 4.1), on the low 32 bits (zero-extended) unless
     * {@code wide}. {@code NEG} takes {@code Imm(0)}; the {@code MOVSX} family takes a register.
     */
    record Alu(boolean wide, AluOp op, Reg dst, Operand src) implements Insn {
        /** Checks the operand fits the operation. */
        public Alu {
            Objects.requireNonNull(op);
            Objects.requireNonNull(dst);
            Objects.requireNonNull(src);
            if (op == AluOp.NEG && !(src instanceof Imm(int v) && v == 0)) {
                throw new IllegalArgumentException("neg takes no source: use Imm(0)");
            }
            if (op.isMovsx() && !(src instanceof Reg)) {
                throw new IllegalArgumentException(op.mnemonic() + " takes a register source");
            }
            if (op == AluOp.MOVSX32 && !wide) {
                throw new IllegalArgumentException("movsx32 exists only as a 64-bit operation");
            }
        }
    }

    /** Byte swap of the low {@code width} bits of {@code dst} (section 4.2); width is 16, 32 or 64. */
    record Endian(ByteSwap kind, int width, Reg dst) implements Insn {
        /** Checks the width. */
        public Endian {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(dst);
            if (width != 16 && width != 32 && width != 64) {
                throw new IllegalArgumentException("byte swap width must be 16, 32 or 64, not " + width);
            }
        }
    }

    /** Conditional jump (section 4.3): comparison on 64 bits ({@code wide}, JMP class) or 32 bits (JMP32). */
    record Jump(boolean wide, JumpOp op, Reg dst, Operand src, Target target) implements Insn {
        /** Checks nothing is missing. */
        public Jump {
            Objects.requireNonNull(op);
            Objects.requireNonNull(dst);
            Objects.requireNonNull(src);
            Objects.requireNonNull(target);
        }
    }

    /**
     * Unconditional jump: {@code ja} with a 16-bit offset (JMP class) or, when {@code longOffset},
     * {@code gotol} with a 32-bit offset in {@code imm} (JMP32 class).
     */
    record Goto(Target target, boolean longOffset) implements Insn {
        /** Checks nothing is missing. */
        public Goto {
            Objects.requireNonNull(target);
        }
    }

    /**
     * Load {@code dst = *(size *)(src + offset)} (section 5.1), zero-extended, or sign-extended when
     * {@code signExtend} (the {@code MEMSX} mode: byte, half and word only).
     */
    record Load(MemSize size, boolean signExtend, Reg dst, Reg src, short offset) implements Insn {
        /** Checks the sign-extending form's size. */
        public Load {
            Objects.requireNonNull(size);
            Objects.requireNonNull(dst);
            Objects.requireNonNull(src);
            if (signExtend && size == MemSize.DW) {
                throw new IllegalArgumentException("a sign-extending load cannot be 64 bits wide");
            }
        }
    }

    /** Store {@code *(size *)(dst + offset) = src}, from a register (STX) or an immediate (ST). */
    record Store(MemSize size, Reg dst, short offset, Operand src) implements Insn {
        /** Checks nothing is missing. */
        public Store {
            Objects.requireNonNull(size);
            Objects.requireNonNull(dst);
            Objects.requireNonNull(src);
        }
    }

    /**
     * Atomic read-modify-write on {@code *(size *)(dst + offset)} with {@code src} (section 5.3); size is
     * W or DW. With {@code fetch} the old value goes to {@code src} ({@code r0} for {@code cmpxchg},
     * which compares with {@code r0}). {@code XCHG} and {@code CMPXCHG} always fetch.
     */
    record Atomic(AtomicOp op, boolean fetch, MemSize size, Reg dst, Reg src, short offset) implements Insn {
        /** Checks size and fetch. */
        public Atomic {
            Objects.requireNonNull(op);
            Objects.requireNonNull(size);
            Objects.requireNonNull(dst);
            Objects.requireNonNull(src);
            if (size != MemSize.W && size != MemSize.DW) {
                throw new IllegalArgumentException("atomic operations are 32 or 64 bits wide");
            }
            if (op.alwaysFetches() && !fetch) {
                throw new IllegalArgumentException(op.mnemonic() + " always fetches");
            }
        }

        /** The {@code imm} that encodes this operation. */
        public int immCode() {
            return op.code() | (fetch ? Opcodes.ATOMIC_FETCH : 0);
        }
    }

    /**
     * The two-slot 64-bit immediate load (section 5.4). {@code imm} is the two 32-bit immediates joined
     * (first slot low). {@code symbol}, when not null, names a map (or, for {@link PseudoSource#FUNC}, a
     * label) that a loader resolves into {@code imm}'s low half; the encoded bytes then hold the resolution.
     */
    record LoadImm64(Reg dst, PseudoSource source, long imm, String symbol) implements Insn {
        /** Checks nothing is missing. */
        public LoadImm64 {
            Objects.requireNonNull(dst);
            Objects.requireNonNull(source);
        }

        /** A plain constant load {@code dst = imm}. */
        public LoadImm64(Reg dst, long imm) {
            this(dst, PseudoSource.IMM64, imm, null);
        }

        @Override
        public int slots() {
            return 2;
        }
    }

    /** A call (section 4.3.1): helper by id, local function, kernel function by BTF id, or via a register. */
    sealed interface Call extends Insn {
        /** Call helper function {@code id} ({@code src_reg = 0}). */
        record Helper(int id) implements Call {
        }

        /** bpf-to-bpf call of a function in the same program ({@code src_reg = 1}, imm relative). */
        record Local(Target target) implements Call {
            /** Checks nothing is missing. */
            public Local {
                Objects.requireNonNull(target);
            }
        }

        /** Call a kernel function by BTF id ({@code src_reg = 2}); {@code btfFdIndex} selects a module BTF. */
        record Kfunc(int btfId, short btfFdIndex) implements Call {
        }

        /** {@code callx}: call the helper whose id (userspace) or address (kernel) is in {@code reg}. */
        record Indirect(Reg reg) implements Call {
            /** Checks nothing is missing. */
            public Indirect {
                Objects.requireNonNull(reg);
            }
        }
    }

    /** Return from the current function with {@code r0}. */
    record Exit() implements Insn {
    }

    /**
     * The legacy packet access of section 5.5: {@code r0 = ntoh(*(size *)(skb->data + imm))} (ABS) or
     * {@code ... + src + imm} (IND, {@code indirect}); size is B, H or W.
     */
    record PacketLoad(MemSize size, boolean indirect, Reg src, int imm) implements Insn {
        /** Checks the size and that ABS has no register. */
        public PacketLoad {
            Objects.requireNonNull(size);
            Objects.requireNonNull(src);
            if (size == MemSize.DW) {
                throw new IllegalArgumentException("legacy packet loads are 8, 16 or 32 bits wide");
            }
            if (!indirect && src != Reg.R0) {
                throw new IllegalArgumentException("an absolute packet load has no source register");
            }
        }
    }
}

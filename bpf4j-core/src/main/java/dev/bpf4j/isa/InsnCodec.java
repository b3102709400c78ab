package dev.bpf4j.isa;

import static dev.bpf4j.isa.Opcodes.*;

import java.util.List;

/**
 * Converts between {@link RawInsn} slots and {@link Insn} values, one instruction at a time. Decoding
 * enforces RFC 9669's rules for reserved fields (they must be zero) and known opcodes; encoding takes
 * already-resolved relative targets. Jump-range checks need the whole program: see {@link Program}.
 */
public final class InsnCodec {
    private InsnCodec() {
    }

    /**
     * Decodes the instruction starting at slot {@code i}. Targets come out as {@link Target.Offset}.
     *
     * @throws InvalidInsnException naming slot {@code i} if the encoding is invalid
     */
    public static Insn decode(List<RawInsn> slots, int i) {
        RawInsn r = slots.get(i);
        return switch (classOf(r.opcode())) {
            case CLASS_ALU, CLASS_ALU64 -> decodeAlu(r, i);
            case CLASS_JMP, CLASS_JMP32 -> decodeJump(r, i);
            case CLASS_LD -> decodeLd(slots, i);
            case CLASS_LDX -> decodeLdx(r, i);
            case CLASS_ST -> decodeSt(r, i);
            case CLASS_STX -> decodeStx(r, i);
            default -> throw new AssertionError("class is three bits");
        };
    }

    private static Reg reg(int n, String role, int i) {
        if (n > 10) {
            throw new InvalidInsnException(i, "invalid " + role + " register r" + n + " (eBPF has r0..r10)");
        }
        return Reg.of(n);
    }

    private static void zero(int value, String field, String what, int i) {
        if (value != 0) {
            throw new InvalidInsnException(i, what + ": reserved field " + field + " must be 0, is " + value);
        }
    }

    private static String hexOp(RawInsn r) {
        return String.format("opcode 0x%02x", r.opcode());
    }

    private static Insn decodeAlu(RawInsn r, int i) {
        boolean wide = classOf(r.opcode()) == CLASS_ALU64;
        int code = r.opcode() & 0xf0;
        boolean x = (r.opcode() & SRC_X) != 0;
        Reg dst = reg(r.dst(), "destination", i);
        String what = hexOp(r);
        if (code == ALU_END) {
            ByteSwap kind = ByteSwap.ofOpcode(r.opcode());
            if (kind == null) {
                throw new InvalidInsnException(i, "unknown " + what + " (64-bit byte swap has no source X form)");
            }
            zero(r.src(), "src_reg", what, i);
            zero(r.off(), "offset", what, i);
            if (r.imm() != 16 && r.imm() != 32 && r.imm() != 64) {
                throw new InvalidInsnException(i, what + ": byte swap width must be 16, 32 or 64, is " + r.imm());
            }
            return new Insn.Endian(kind, r.imm(), dst);
        }
        AluOp op = AluOp.of(code, r.off());
        if (op == null) {
            if (AluOp.of(code, 0) == null) {
                throw new InvalidInsnException(i, "unknown " + what);
            }
            throw new InvalidInsnException(i, what + ": offset must be 0" + (code == ALU_DIV || code == ALU_MOD
                    ? " or 1" : code == ALU_MOV ? " (or 8, 16, 32 for movsx)" : "") + ", is " + r.off());
        }
        if (op == AluOp.NEG) {
            if (x) {
                throw new InvalidInsnException(i, "unknown " + what + " (neg has no source X form)");
            }
            zero(r.src(), "src_reg", what, i);
            zero(r.imm(), "imm", what, i);
            return new Insn.Alu(wide, op, dst, new Imm(0));
        }
        if (op.isMovsx()) {
            if (!x) {
                throw new InvalidInsnException(i, what + ": offset must be 0 for mov with an immediate, is " + r.off());
            }
            if (op == AluOp.MOVSX32 && !wide) {
                throw new InvalidInsnException(i, what + ": 32-bit movsx sign-extends from 8 or 16 bits, not 32");
            }
        }
        if (x) {
            zero(r.imm(), "imm", what, i);
            return new Insn.Alu(wide, op, dst, reg(r.src(), "source", i));
        }
        zero(r.src(), "src_reg", what, i);
        return new Insn.Alu(wide, op, dst, new Imm(r.imm()));
    }

    private static Insn decodeJump(RawInsn r, int i) {
        boolean wide = classOf(r.opcode()) == CLASS_JMP;
        int code = r.opcode() & 0xf0;
        boolean x = (r.opcode() & SRC_X) != 0;
        String what = hexOp(r);
        switch (code) {
            case JMP_JA -> {
                if (x) {
                    throw new InvalidInsnException(i, "unknown " + what + " (ja has no source X form)");
                }
                zero(r.dst(), "dst_reg", what, i);
                zero(r.src(), "src_reg", what, i);
                if (wide) {
                    zero(r.imm(), "imm", what, i);
                    return new Insn.Goto(new Target.Offset(r.off()), false);
                }
                zero(r.off(), "offset", what, i);
                return new Insn.Goto(new Target.Offset(r.imm()), true);
            }
            case JMP_CALL -> {
                if (!wide) {
                    throw new InvalidInsnException(i, "unknown " + what + " (call exists only in the JMP class)");
                }
                if (x) {
                    zero(r.src(), "src_reg", what, i);
                    zero(r.off(), "offset", what, i);
                    zero(r.imm(), "imm", what, i);
                    return new Insn.Call.Indirect(reg(r.dst(), "call target", i));
                }
                zero(r.dst(), "dst_reg", what, i);
                return switch (r.src()) {
                    case CALL_HELPER -> {
                        zero(r.off(), "offset", what, i);
                        yield new Insn.Call.Helper(r.imm());
                    }
                    case CALL_LOCAL -> {
                        zero(r.off(), "offset", what, i);
                        yield new Insn.Call.Local(new Target.Offset(r.imm()));
                    }
                    case CALL_KFUNC -> new Insn.Call.Kfunc(r.imm(), (short) r.off());
                    default -> throw new InvalidInsnException(i,
                            what + ": call src_reg must be 0 (helper), 1 (local) or 2 (kfunc), is " + r.src());
                };
            }
            case JMP_EXIT -> {
                if (!wide || x) {
                    throw new InvalidInsnException(i, "unknown " + what + " (exit is 0x95)");
                }
                zero(r.dst(), "dst_reg", what, i);
                zero(r.src(), "src_reg", what, i);
                zero(r.off(), "offset", what, i);
                zero(r.imm(), "imm", what, i);
                return new Insn.Exit();
            }
            default -> {
                JumpOp op = JumpOp.of(code);
                if (op == null) {
                    throw new InvalidInsnException(i, "unknown " + what);
                }
                Reg dst = reg(r.dst(), "destination", i);
                Operand src;
                if (x) {
                    zero(r.imm(), "imm", what, i);
                    src = reg(r.src(), "source", i);
                } else {
                    zero(r.src(), "src_reg", what, i);
                    src = new Imm(r.imm());
                }
                return new Insn.Jump(wide, op, dst, src, new Target.Offset(r.off()));
            }
        }
    }

    private static Insn decodeLd(List<RawInsn> slots, int i) {
        RawInsn r = slots.get(i);
        String what = hexOp(r);
        int mode = r.opcode() & 0xe0;
        MemSize size = MemSize.ofCode(r.opcode());
        if (mode == MODE_IMM && size == MemSize.DW) {
            Reg dst = reg(r.dst(), "destination", i);
            zero(r.off(), "offset", what, i);
            PseudoSource source = PseudoSource.of(r.src());
            if (source == null) {
                throw new InvalidInsnException(i, what + ": lddw src_reg must be 0..6, is " + r.src());
            }
            if (i + 1 >= slots.size()) {
                throw new InvalidInsnException(i, "lddw is truncated: its second slot is missing");
            }
            RawInsn next = slots.get(i + 1);
            if (next.opcode() != 0 || next.dst() != 0 || next.src() != 0 || next.off() != 0) {
                throw new InvalidInsnException(i + 1,
                        "second slot of lddw must have opcode, registers and offset 0 (only imm is used)");
            }
            long imm = (r.imm() & 0xffffffffL) | ((long) next.imm() << 32);
            return new Insn.LoadImm64(dst, source, imm, null);
        }
        if ((mode == MODE_ABS || mode == MODE_IND) && size != MemSize.DW) {
            zero(r.dst(), "dst_reg", what, i);
            zero(r.off(), "offset", what, i);
            if (mode == MODE_ABS) {
                zero(r.src(), "src_reg", what, i);
            }
            return new Insn.PacketLoad(size, mode == MODE_IND, reg(r.src(), "source", i), r.imm());
        }
        throw new InvalidInsnException(i, "unknown " + what);
    }

    private static Insn decodeLdx(RawInsn r, int i) {
        String what = hexOp(r);
        int mode = r.opcode() & 0xe0;
        MemSize size = MemSize.ofCode(r.opcode());
        boolean sx = mode == MODE_MEMSX;
        if (!(mode == MODE_MEM || (sx && size != MemSize.DW))) {
            throw new InvalidInsnException(i, "unknown " + what);
        }
        zero(r.imm(), "imm", what, i);
        return new Insn.Load(size, sx, reg(r.dst(), "destination", i), reg(r.src(), "source", i), (short) r.off());
    }

    private static Insn decodeSt(RawInsn r, int i) {
        String what = hexOp(r);
        if ((r.opcode() & 0xe0) != MODE_MEM) {
            throw new InvalidInsnException(i, "unknown " + what);
        }
        zero(r.src(), "src_reg", what, i);
        return new Insn.Store(MemSize.ofCode(r.opcode()), reg(r.dst(), "destination", i), (short) r.off(),
                new Imm(r.imm()));
    }

    private static Insn decodeStx(RawInsn r, int i) {
        String what = hexOp(r);
        int mode = r.opcode() & 0xe0;
        MemSize size = MemSize.ofCode(r.opcode());
        Reg dst = reg(r.dst(), "destination", i);
        Reg src = reg(r.src(), "source", i);
        if (mode == MODE_MEM) {
            zero(r.imm(), "imm", what, i);
            return new Insn.Store(size, dst, (short) r.off(), src);
        }
        if (mode == MODE_ATOMIC && (size == MemSize.W || size == MemSize.DW)) {
            AtomicOp op = AtomicOp.ofImm(r.imm());
            if (op == null) {
                throw new InvalidInsnException(i, String.format("%s: unknown atomic operation imm=0x%x", what, r.imm()));
            }
            boolean fetch = (r.imm() & ATOMIC_FETCH) != 0;
            return new Insn.Atomic(op, fetch, size, dst, src, (short) r.off());
        }
        throw new InvalidInsnException(i, "unknown " + what);
    }

    /**
     * Encodes one instruction. {@code relative} is the resolved relative target (slots after the next
     * one) for jumps, gotos, local calls and {@code lddw} of a function; {@code imm64} the resolved 64-bit
     * immediate of an {@code lddw}. Returns one slot, or two for {@code lddw}.
     */
    public static RawInsn[] encode(Insn insn, int relative, long imm64) {
        return switch (insn) {
            case Insn.Alu a -> {
                int cls = a.wide() ? CLASS_ALU64 : CLASS_ALU;
                yield switch (a.src()) {
                    case Reg s -> one(cls | SRC_X | a.op().code(), a.dst().number(), s.number(), a.op().offset(), 0);
                    case Imm(int v) -> one(cls | SRC_K | a.op().code(), a.dst().number(), 0, a.op().offset(), v);
                };
            }
            case Insn.Endian e -> one(e.kind().opcode(), e.dst().number(), 0, 0, e.width());
            case Insn.Jump j -> {
                int cls = j.wide() ? CLASS_JMP : CLASS_JMP32;
                checkShort(relative, "jump");
                yield switch (j.src()) {
                    case Reg s -> one(cls | SRC_X | j.op().code(), j.dst().number(), s.number(), relative, 0);
                    case Imm(int v) -> one(cls | SRC_K | j.op().code(), j.dst().number(), 0, relative, v);
                };
            }
            case Insn.Goto g -> {
                if (g.longOffset()) {
                    yield one(CLASS_JMP32 | JMP_JA, 0, 0, 0, relative);
                }
                checkShort(relative, "ja");
                yield one(CLASS_JMP | JMP_JA, 0, 0, relative, 0);
            }
            case Insn.Load l -> one(CLASS_LDX | (l.signExtend() ? MODE_MEMSX : MODE_MEM) | l.size().code(),
                    l.dst().number(), l.src().number(), l.offset(), 0);
            case Insn.Store s -> switch (s.src()) {
                case Reg r -> one(CLASS_STX | MODE_MEM | s.size().code(), s.dst().number(), r.number(), s.offset(), 0);
                case Imm(int v) -> one(CLASS_ST | MODE_MEM | s.size().code(), s.dst().number(), 0, s.offset(), v);
            };
            case Insn.Atomic a -> one(CLASS_STX | MODE_ATOMIC | a.size().code(), a.dst().number(), a.src().number(),
                    a.offset(), a.immCode());
            case Insn.LoadImm64 l -> {
                long v = l.source() == PseudoSource.FUNC ? relative : imm64;
                yield new RawInsn[] {
                    new RawInsn(CLASS_LD | MODE_IMM | SIZE_DW, l.dst().number(), l.source().code(), 0, (int) v),
                    new RawInsn(0, 0, 0, 0, (int) (v >>> 32))
                };
            }
            case Insn.Call c -> switch (c) {
                case Insn.Call.Helper h -> one(CLASS_JMP | JMP_CALL, 0, CALL_HELPER, 0, h.id());
                case Insn.Call.Local l -> one(CLASS_JMP | JMP_CALL, 0, CALL_LOCAL, 0, relative);
                case Insn.Call.Kfunc k -> one(CLASS_JMP | JMP_CALL, 0, CALL_KFUNC, k.btfFdIndex(), k.btfId());
                case Insn.Call.Indirect x -> one(CLASS_JMP | SRC_X | JMP_CALL, x.reg().number(), 0, 0, 0);
            };
            case Insn.Exit e -> one(CLASS_JMP | JMP_EXIT, 0, 0, 0, 0);
            case Insn.PacketLoad p -> one(CLASS_LD | (p.indirect() ? MODE_IND : MODE_ABS) | p.size().code(), 0,
                    p.src().number(), 0, p.imm());
        };
    }

    private static void checkShort(int relative, String what) {
        if (relative != (short) relative) {
            throw new IllegalArgumentException(what + " offset " + relative
                    + " does not fit 16 bits (use a long goto, gotol, for ja)");
        }
    }

    private static RawInsn[] one(int opcode, int dst, int src, int off, int imm) {
        return new RawInsn[] {new RawInsn(opcode, dst, src, off, imm)};
    }
}

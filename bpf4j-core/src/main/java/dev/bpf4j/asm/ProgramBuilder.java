package dev.bpf4j.asm;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.ByteSwap;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes programs in Java, in the manner of {@code java.lang.classfile}: a lambda receives the builder,
 * {@link #with} is the one primitive that appends an {@link Insn}, and everything else is a one-line
 * convenience for it. Jumps and local calls may name labels placed with {@link #label}; map references
 * stay symbolic until a loader resolves them.
 *
 * <pre>{@code
 * Program p = ProgramBuilder.build(b -> b
 *         .mov64(R0, 0)
 *         .label("loop")
 *         .add64(R0, 1)
 *         .jlt(R0, 10, "loop")
 *         .exit());
 * }</pre>
 */
public final class ProgramBuilder implements AluShortcuts<ProgramBuilder>, JumpShortcuts<ProgramBuilder> {
    private final List<Insn> insns = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    private ProgramBuilder() {
    }

    /**
     * Runs {@code body} on a fresh builder and returns the program.
     *
     * @throws IllegalArgumentException for a duplicate or undefined label, or a jump too far for its field
     */
    public static Program build(Consumer<ProgramBuilder> body) {
        ProgramBuilder b = new ProgramBuilder();
        body.accept(b);
        return b.program();
    }

    private Program program() {
        Program p = new Program(insns, labels);
        p.encode(name -> 0);
        return p;
    }

    /** Appends one instruction: the primitive every other method uses. */
    public ProgramBuilder with(Insn insn) {
        insns.add(insn);
        return this;
    }

    /** Names the position of the next instruction. */
    public ProgramBuilder label(String name) {
        if (labels.putIfAbsent(new Target.Label(name).name(), insns.size()) != null) {
            throw new IllegalArgumentException("duplicate label '" + name + "'");
        }
        return this;
    }

    @Override
    public ProgramBuilder alu(boolean wide, AluOp op, Reg dst, Operand src) {
        return with(new Insn.Alu(wide, op, dst, src));
    }

    @Override
    public ProgramBuilder jump(boolean wide, JumpOp op, Reg dst, Operand src, Target target) {
        return with(new Insn.Jump(wide, op, dst, src, target));
    }

    /** A 64-bit conditional jump by a relative offset in slots. */
    public ProgramBuilder jump(JumpOp op, Reg dst, Operand src, int offset) {
        return jump(true, op, dst, src, Target.offset(offset));
    }

    /** Byte swap of {@code dst}'s low {@code width} bits: {@code le}, {@code be} or {@code bswap}. */
    public ProgramBuilder swap(ByteSwap kind, Reg dst, int width) {
        return with(new Insn.Endian(kind, width, dst));
    }

    /** {@code le16/32/64 dst}: convert to little-endian. */
    public ProgramBuilder le(Reg dst, int width) {
        return swap(ByteSwap.TO_LE, dst, width);
    }

    /** {@code be16/32/64 dst}: convert to big-endian. */
    public ProgramBuilder be(Reg dst, int width) {
        return swap(ByteSwap.TO_BE, dst, width);
    }

    /** {@code bswap16/32/64 dst}: unconditional byte swap. */
    public ProgramBuilder bswap(Reg dst, int width) {
        return swap(ByteSwap.BSWAP, dst, width);
    }

    /** {@code ja label} ({@code goto}), 16-bit offset. */
    public ProgramBuilder ja(String label) {
        return with(new Insn.Goto(Target.label(label), false));
    }

    /** {@code ja +offset}. */
    public ProgramBuilder ja(int offset) {
        return with(new Insn.Goto(Target.offset(offset), false));
    }

    /** {@code gotol label} ({@code ja32}), 32-bit offset. */
    public ProgramBuilder gotol(String label) {
        return with(new Insn.Goto(Target.label(label), true));
    }

    /** {@code gotol +offset}. */
    public ProgramBuilder gotol(int offset) {
        return with(new Insn.Goto(Target.offset(offset), true));
    }

    private static short off(int offset) {
        if (offset != (short) offset) {
            throw new IllegalArgumentException("memory offset " + offset + " does not fit 16 bits");
        }
        return (short) offset;
    }

    /** {@code dst = *(size *)(src + offset)}, zero-extended. */
    public ProgramBuilder ldx(MemSize size, Reg dst, Reg src, int offset) {
        return with(new Insn.Load(size, false, dst, src, off(offset)));
    }

    /** {@code dst = *(s8/s16/s32 *)(src + offset)}, sign-extended. */
    public ProgramBuilder ldxs(MemSize size, Reg dst, Reg src, int offset) {
        return with(new Insn.Load(size, true, dst, src, off(offset)));
    }

    /** {@code *(size *)(dst + offset) = src}. */
    public ProgramBuilder stx(MemSize size, Reg dst, int offset, Reg src) {
        return with(new Insn.Store(size, dst, off(offset), src));
    }

    /** {@code *(size *)(dst + offset) = imm}. */
    public ProgramBuilder st(MemSize size, Reg dst, int offset, int imm) {
        return with(new Insn.Store(size, dst, off(offset), new Imm(imm)));
    }

    /** An atomic operation on {@code *(size *)(dst + offset)} with {@code src}; size W or DW. */
    public ProgramBuilder atomic(AtomicOp op, boolean fetch, MemSize size, Reg dst, int offset, Reg src) {
        return with(new Insn.Atomic(op, fetch || op.alwaysFetches(), size, dst, src, off(offset)));
    }

    /** {@code lock add}: 64-bit atomic add without fetch. */
    public ProgramBuilder atomicAdd64(Reg dst, int offset, Reg src) {
        return atomic(AtomicOp.ADD, false, MemSize.DW, dst, offset, src);
    }

    /** {@code lock xchg}: swap {@code src} with memory. */
    public ProgramBuilder xchg(MemSize size, Reg dst, int offset, Reg src) {
        return atomic(AtomicOp.XCHG, true, size, dst, offset, src);
    }

    /** {@code lock cmpxchg}: compare memory with r0, store {@code src} if equal, old value to r0. */
    public ProgramBuilder cmpxchg(MemSize size, Reg dst, int offset, Reg src) {
        return atomic(AtomicOp.CMPXCHG, true, size, dst, offset, src);
    }

    /** {@code lddw dst, imm}: a 64-bit constant (two slots). */
    public ProgramBuilder lddw(Reg dst, long imm) {
        return with(new Insn.LoadImm64(dst, imm));
    }

    /** {@code dst = map_by_fd(map)}: a map reference by symbol, resolved by the loader. */
    public ProgramBuilder ldMap(Reg dst, String map) {
        return with(new Insn.LoadImm64(dst, PseudoSource.MAP_FD, 0, map));
    }

    /** {@code dst = &map.value + offset}: an address inside a map's value, by symbol. */
    public ProgramBuilder ldMapValue(Reg dst, String map, int offset) {
        return with(new Insn.LoadImm64(dst, PseudoSource.MAP_VALUE, (long) offset << 32, map));
    }

    /** {@code dst = &function}: the address of the function at {@code label}, for callbacks. */
    public ProgramBuilder ldFunc(Reg dst, String label) {
        return with(new Insn.LoadImm64(dst, PseudoSource.FUNC, 0, label));
    }

    /** {@code call id}: a helper function. */
    public ProgramBuilder call(int helperId) {
        return with(new Insn.Call.Helper(helperId));
    }

    /** {@code call local label}: a bpf-to-bpf call. */
    public ProgramBuilder callLocal(String label) {
        return with(new Insn.Call.Local(Target.label(label)));
    }

    /** A kernel function by BTF id, in vmlinux ({@code btfFdIndex} 0) or a module's BTF. */
    public ProgramBuilder callKfunc(int btfId, int btfFdIndex) {
        return with(new Insn.Call.Kfunc(btfId, off(btfFdIndex)));
    }

    /** {@code callx reg}: the helper whose id is in {@code reg}. */
    public ProgramBuilder callx(Reg reg) {
        return with(new Insn.Call.Indirect(reg));
    }

    /** {@code exit}. */
    public ProgramBuilder exit() {
        return with(new Insn.Exit());
    }

    /** Legacy {@code r0 = ntoh(*(size *)(skb->data + imm))}. */
    public ProgramBuilder ldabs(MemSize size, int imm) {
        return with(new Insn.PacketLoad(size, false, Reg.R0, imm));
    }

    /** Legacy {@code r0 = ntoh(*(size *)(skb->data + src + imm))}. */
    public ProgramBuilder ldind(MemSize size, Reg src, int imm) {
        return with(new Insn.PacketLoad(size, true, src, imm));
    }
}

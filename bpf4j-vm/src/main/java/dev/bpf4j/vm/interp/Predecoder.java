package dev.bpf4j.vm.interp;

import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Program} into {@link Code} once, so that running it allocates nothing and decodes
 * nothing: each {@link Insn} record becomes one packed word with a dense {@link Op} code, jump targets
 * become distances in instructions (not slots), and every {@code lddw} is resolved to its final 64-bit
 * value (map handles and map value addresses come from {@code maps}). A target that is not an instruction of
 * the program (possible only in hand-built programs) is a {@link VmException}.
 */
final class Predecoder {
    private final Program program;
    private final int[] slots;
    private final MapResolver maps;
    private final List<Long> consts = new ArrayList<>();

    /** Turns an {@code lddw} of a map into the value it loads. */
    @FunctionalInterface
    interface MapResolver {
        /**
         * The value to load for {@code source} with {@code imm} (fd or index in the low half, value offset in the
         * high half) or, when {@code symbol} is not null, the map of that name.
         */
        long resolve(PseudoSource source, long imm, String symbol);
    }

    private Predecoder(Program program, MapResolver maps) {
        this.program = program;
        this.slots = program.slotIndex();
        this.maps = maps;
    }

    /** Pre-decodes {@code program}; {@code maps} resolves map references as described above. */
    static Code decode(Program program, MapResolver maps) {
        return new Predecoder(program, maps).run();
    }

    private Code run() {
        List<Insn> insns = program.insns();
        long[] words = new long[insns.size() + 1];
        for (int pc = 0; pc < insns.size(); pc++) {
            words[pc] = word(insns.get(pc), pc);
        }
        words[insns.size()] = Op.FALL_OFF;
        long[] c = new long[consts.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = consts.get(i);
        }
        Fuser.fuse(words, c);
        return new Code(words, c, slots);
    }

    private static long pack(int op, Reg dst, int src, int off, int imm) {
        return (op & 0xff) | (long) dst.number() << 8 | (long) (src & 0xf) << 12 | (long) (off & 0xffff) << 16
                | (long) imm << 32;
    }

    private long word(Insn insn, int pc) {
        return switch (insn) {
            case Insn.Alu a -> {
                int op = a.op().ordinal() * 4 + (a.wide() ? 0 : 2);
                yield switch (a.src()) {
                    case Reg s -> pack(op, a.dst(), s.number(), 0, 0);
                    case Imm(int v) -> pack(op + 1, a.dst(), 0, 0, v);
                };
            }
            case Insn.Endian e -> {
                int base = switch (e.kind()) {
                    case TO_LE -> Op.LE16;
                    case TO_BE -> Op.BE16;
                    case BSWAP -> Op.BSWAP16;
                };
                yield pack(base + (e.width() == 16 ? 0 : e.width() == 32 ? 1 : 2), e.dst(), 0, 0, 0);
            }
            case Insn.Jump j -> {
                int op = Op.JUMP_BASE + j.op().ordinal() * 4 + (j.wide() ? 0 : 2);
                int dist = target(j.target(), pc) - pc - 1;
                yield switch (j.src()) {
                    case Reg s -> pack(op, j.dst(), s.number(), dist, 0);
                    case Imm(int v) -> pack(op + 1, j.dst(), 0, dist, v);
                };
            }
            case Insn.Goto g -> pack(Op.JA, Reg.R0, 0, 0, target(g.target(), pc) - pc - 1);
            case Insn.Load l -> pack(l.signExtend() ? Op.LDXSB + sizeIndex(l.size()) : Op.LDXB + sizeIndex(l.size()),
                    l.dst(), l.src().number(), l.offset(), 0);
            case Insn.Store s -> switch (s.src()) {
                case Reg r -> pack(Op.STXB + sizeIndex(s.size()), s.dst(), r.number(), s.offset(), 0);
                case Imm(int v) -> pack(Op.STB + sizeIndex(s.size()), s.dst(), 0, s.offset(), v);
            };
            case Insn.Atomic a -> pack(a.size() == MemSize.W ? Op.ATOMIC_W : Op.ATOMIC_DW, a.dst(), a.src().number(),
                    a.offset(), a.immCode());
            case Insn.LoadImm64 l -> {
                long value = switch (l.source()) {
                    case IMM64 -> l.imm();
                    case FUNC -> Memory.address(Memory.CODE_REGION, l.symbol() != null
                            ? labelIndex(l.symbol()) : target(new Target.Offset((int) l.imm()), pc));
                    case MAP_FD, MAP_IDX, MAP_VALUE, MAP_IDX_VALUE, BTF_ID -> maps.resolve(l.source(), l.imm(), l.symbol());
                };
                consts.add(value);
                yield pack(Op.LDDW, l.dst(), 0, 0, consts.size() - 1);
            }
            case Insn.Call c -> switch (c) {
                case Insn.Call.Helper h -> pack(Op.CALL_HELPER, Reg.R0, 0, 0, h.id());
                case Insn.Call.Local l -> pack(Op.CALL_LOCAL, Reg.R0, 0, 0, target(l.target(), pc));
                case Insn.Call.Kfunc k -> pack(Op.CALL_KFUNC, Reg.R0, 0, 0, k.btfId());
                case Insn.Call.Indirect x -> pack(Op.CALLX, x.reg(), 0, 0, 0);
            };
            case Insn.Exit e -> pack(Op.EXIT, Reg.R0, 0, 0, 0);
            case Insn.PacketLoad p -> pack((p.indirect() ? Op.LDIND_B : Op.LDABS_B) + sizeIndex(p.size()), Reg.R0,
                    p.src().number(), 0, p.imm());
        };
    }

    /** B, H, W, DW as 0..3, the order of the size-indexed opcode groups. */
    private static int sizeIndex(MemSize size) {
        return switch (size) {
            case B -> 0;
            case H -> 1;
            case W -> 2;
            case DW -> 3;
        };
    }

    /** The instruction index a target lands on; encoded offsets count slots after the next one. */
    private int target(Target t, int pc) {
        return switch (t) {
            case Target.Label(String name) -> labelIndex(name);
            case Target.Offset(int rel) -> {
                long slot = (long) slots[pc] + 1 + rel;
                int idx = java.util.Arrays.binarySearch(slots, 0, slots.length, (int) Math.max(0, Math.min(slot,
                        slots[slots.length - 1])));
                if (idx < 0 || slot != slots[idx]) {
                    throw new VmException(slots[pc], "target slot " + slot
                            + " is not the start of an instruction in this program");
                }
                yield idx;
            }
        };
    }

    private int labelIndex(String name) {
        Integer idx = program.labels().get(name);
        if (idx == null) {
            throw new VmException(0, "unknown label '" + name + "'");
        }
        return idx;
    }

}

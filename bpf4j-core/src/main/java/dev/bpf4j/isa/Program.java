package dev.bpf4j.isa;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * An eBPF program as a list of instructions with named positions: what the assembler and the builder
 * produce and what decoding yields. {@code labels} maps a name to an index into {@code insns} (the size of
 * the list names the end). Encoding resolves labels into slot offsets, counting {@code lddw} as two slots.
 *
 * @param insns  the instructions, in order
 * @param labels label name to instruction index (not slot index)
 */
public record Program(List<Insn> insns, Map<String, Integer> labels) {
    /** Copies both collections so a program never changes once built. */
    public Program {
        insns = List.copyOf(insns);
        labels = Map.copyOf(labels);
        for (var e : labels.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > insns.size()) {
                throw new IllegalArgumentException("label " + e.getKey() + " points outside the program");
            }
        }
    }

    /** A program without labels. */
    public static Program of(List<Insn> insns) {
        return new Program(insns, Map.of());
    }

    /**
     * Decodes little- or big-endian bytes.
     *
     * @throws InvalidInsnException for a truncated or invalid instruction or a jump out of the program
     */
    public static Program decode(byte[] bytes, ByteOrder order) {
        return decode(RawInsn.readAll(bytes, order));
    }

    /**
     * Decodes slots, checking every instruction and that every jump, local call and function address
     * lands on the first slot of an instruction inside the program.
     *
     * @throws InvalidInsnException naming the first offending slot
     */
    public static Program decode(List<RawInsn> slots) {
        List<Insn> insns = new ArrayList<>();
        boolean[] starts = new boolean[slots.size()];
        List<Integer> slotOf = new ArrayList<>();
        for (int slot = 0; slot < slots.size(); ) {
            Insn insn = InsnCodec.decode(slots, slot);
            starts[slot] = true;
            slotOf.add(slot);
            insns.add(insn);
            slot += insn.slots();
        }
        for (int k = 0; k < insns.size(); k++) {
            Integer rel = relativeOf(insns.get(k));
            if (rel == null) {
                continue;
            }
            int slot = slotOf.get(k);
            long target = (long) slot + 1 + rel;
            if (target < 0 || target >= slots.size()) {
                throw new InvalidInsnException(slot, "jump target " + target + " (offset " + rel
                        + ") is outside the program of " + slots.size() + " slots");
            }
            if (!starts[(int) target]) {
                throw new InvalidInsnException(slot, "jump target " + target + " is the second slot of an lddw");
            }
        }
        return of(insns);
    }

    /** The encoded relative target of a decoded instruction, or null if it has none. */
    private static Integer relativeOf(Insn insn) {
        return switch (insn) {
            case Insn.Jump j when j.target() instanceof Target.Offset(int s) -> s;
            case Insn.Goto g when g.target() instanceof Target.Offset(int s) -> s;
            case Insn.Call.Local c when c.target() instanceof Target.Offset(int s) -> s;
            case Insn.LoadImm64 l when l.source() == PseudoSource.FUNC && l.symbol() == null -> (int) l.imm();
            default -> null;
        };
    }

    /** The number of 8-byte slots the program encodes to. */
    public int slotCount() {
        int n = 0;
        for (Insn insn : insns) {
            n += insn.slots();
        }
        return n;
    }

    /** For each instruction index (and the end), its slot index. */
    public int[] slotIndex() {
        int[] slots = new int[insns.size() + 1];
        for (int k = 0; k < insns.size(); k++) {
            slots[k + 1] = slots[k] + insns.get(k).slots();
        }
        return slots;
    }

    /**
     * Encodes to slots; map symbols must already be resolved.
     *
     * @throws IllegalArgumentException if a label is unknown or a map symbol is unresolved
     */
    public List<RawInsn> encode() {
        return encode(name -> {
            throw new IllegalArgumentException("map reference '" + name + "' is not resolved: load the program"
                    + " through a loader that knows its maps");
        });
    }

    /**
     * Encodes to slots, turning each symbolic {@link Insn.LoadImm64} (other than function addresses, which
     * are labels) into the value {@code symbols} gives (a map fd or index) in the low 32 bits of imm.
     */
    public List<RawInsn> encode(ToIntFunction<String> symbols) {
        int[] slotIndex = slotIndex();
        List<RawInsn> out = new ArrayList<>(slotIndex[insns.size()]);
        for (int k = 0; k < insns.size(); k++) {
            Insn insn = insns.get(k);
            int here = slotIndex[k];
            int rel = 0;
            long imm64 = 0;
            switch (insn) {
                case Insn.Jump j -> rel = relative(j.target(), here, slotIndex);
                case Insn.Goto g -> rel = relative(g.target(), here, slotIndex);
                case Insn.Call.Local c -> rel = relative(c.target(), here, slotIndex);
                case Insn.LoadImm64 l -> {
                    if (l.source() == PseudoSource.FUNC) {
                        rel = l.symbol() != null ? relative(new Target.Label(l.symbol()), here, slotIndex) : (int) l.imm();
                    } else if (l.symbol() != null) {
                        imm64 = (l.imm() & 0xffffffff00000000L) | (symbols.applyAsInt(l.symbol()) & 0xffffffffL);
                    } else {
                        imm64 = l.imm();
                    }
                }
                default -> { }
            }
            for (RawInsn r : InsnCodec.encode(insn, rel, imm64)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Encodes to bytes in the given order (map symbols must be resolved). */
    public byte[] toBytes(ByteOrder order) {
        return RawInsn.writeAll(encode(), order);
    }

    /** Encodes to little-endian bytes, the order of every host eBPF runs on today. */
    public byte[] toBytes() {
        return toBytes(ByteOrder.LITTLE_ENDIAN);
    }

    private int relative(Target target, int here, int[] slotIndex) {
        return switch (target) {
            case Target.Offset(int s) -> s;
            case Target.Label(String name) -> {
                Integer idx = labels.get(name);
                if (idx == null) {
                    throw new IllegalArgumentException("unknown label '" + name + "'");
                }
                yield slotIndex[idx] - here - 1;
            }
        };
    }
}

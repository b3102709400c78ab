package dev.bpf4j.asm;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.RawInsn;
import dev.bpf4j.isa.Target;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns instructions back into text. Three shapes: one instruction ({@link #format}), for error messages of
 * the interpreter and the verifier; a plain program ({@link #disassemble}), one instruction a line, which
 * {@link Assembler} turns back into the same bytes; and a listing ({@link #listing}) with slot numbers and
 * bytes in exactly the layout of {@code llvm-objdump -d}. Jumps print as relative offsets ({@code goto +0x3},
 * {@code ja +3}) in plain text, so that the text never depends on labels the bytes do not hold.
 */
public final class Disassembler {
    private Disassembler() {
    }

    /** One instruction in {@code syntax}; labels print by name, offsets signed ({@code +0x3}, {@code +3}). */
    public static String format(Insn insn, Syntax syntax) {
        return switch (syntax) {
            case LLVM -> LlvmFormatter.format(insn);
            case UBPF -> UbpfFormatter.format(insn);
        };
    }

    /** One instruction in the LLVM syntax. */
    public static String format(Insn insn) {
        return format(insn, Syntax.LLVM);
    }

    /** Decodes little-endian bytes and prints them, one instruction a line, in {@code syntax}. */
    public static String disassemble(byte[] bytes, Syntax syntax) {
        return disassemble(Program.decode(bytes, ByteOrder.LITTLE_ENDIAN), syntax);
    }

    /**
     * Prints {@code program} one instruction a line, labels resolved into relative offsets (map symbols stay
     * symbolic). The text assembles back to the same program bytes.
     */
    public static String disassemble(Program program, Syntax syntax) {
        StringBuilder sb = new StringBuilder();
        for (Insn insn : resolved(program)) {
            sb.append(format(insn, syntax)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Prints {@code program} with labels instead of offsets: the program's own labels, and {@code L<slot>} for
     * every other jump or local-call target. Easier to read than offsets, and it re-assembles to the same
     * bytes too.
     */
    public static String disassembleLabelled(Program program, Syntax syntax) {
        List<Insn> insns = resolved(program);
        int[] slot = program.slotIndex();
        Map<Integer, String> names = new TreeMap<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(program.labels()).entrySet()) {
            names.putIfAbsent(slot[e.getValue()], e.getKey());
        }
        for (int k = 0; k < insns.size(); k++) {
            if (!(insns.get(k) instanceof Insn.LoadImm64) && Operands.targetOf(insns.get(k)) instanceof Target.Offset(int rel)) {
                int dest = slot[k] + 1 + rel;
                String name = "L" + dest;
                while (program.labels().containsKey(name)) {
                    name = name + "_";
                }
                names.putIfAbsent(dest, name);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k <= insns.size(); k++) {
            String here = names.get(slot[k]);
            if (here != null) {
                sb.append(here).append(":\n");
            }
            if (k == insns.size()) {
                break;
            }
            Insn insn = insns.get(k);
            Target.Label label = Operands.targetOf(insn) instanceof Target.Offset(int rel)
                    ? new Target.Label(names.getOrDefault(slot[k] + 1 + rel, "L" + (slot[k] + 1 + rel))) : null;
            Insn named = label == null ? insn : switch (insn) {
                case Insn.Jump j -> new Insn.Jump(j.wide(), j.op(), j.dst(), j.src(), label);
                case Insn.Goto g -> new Insn.Goto(label, g.longOffset());
                case Insn.Call.Local c -> new Insn.Call.Local(label);
                case Insn.LoadImm64 _, Insn.Alu _, Insn.Endian _, Insn.Load _, Insn.Store _, Insn.Atomic _,
                     Insn.Call.Helper _, Insn.Call.Kfunc _, Insn.Call.Indirect _, Insn.Exit _, Insn.PacketLoad _ -> insn;
            };
            sb.append(format(named, syntax)).append('\n');
        }
        return sb.toString();
    }

    /** The LLVM listing of little-endian bytes, as {@code llvm-objdump -d} prints a section's instructions. */
    public static String listing(byte[] bytes) {
        return listing(Program.decode(bytes, ByteOrder.LITTLE_ENDIAN), Syntax.LLVM);
    }

    /**
     * A listing in the layout of {@code llvm-objdump -d}: for each label a line {@code 0000000000000000 <name>:}
     * after a blank line, and for each instruction its slot number right-aligned in 8 columns, a tab, its bytes
     * (16 for {@code lddw}), a tab and its text. In the LLVM syntax jumps carry objdump's annotation of the
     * target relative to the nearest label at or before it ({@code goto +0x3 <func+0x28>}). Unresolved map
     * symbols are listed as 0, as an object file's relocated {@code lddw} is.
     */
    public static String listing(Program program, Syntax syntax) {
        List<Insn> insns = resolved(program);
        List<RawInsn> raw = program.encode(name -> 0);
        int[] slot = program.slotIndex();
        TreeMap<Integer, String> symbols = new TreeMap<>();
        for (Map.Entry<String, Integer> e : program.labels().entrySet()) {
            symbols.merge(slot[e.getValue()], e.getKey(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < insns.size(); k++) {
            String name = symbols.get(slot[k]);
            if (name != null) {
                sb.append('\n').append(String.format("%016x <%s>:%n", (long) slot[k] * RawInsn.SIZE, name));
            }
            Insn insn = insns.get(k);
            StringBuilder bytes = new StringBuilder(raw.get(slot[k]).hex());
            if (insn.slots() == 2) {
                bytes.append(' ').append(raw.get(slot[k] + 1).hex());
            }
            sb.append(String.format("%8d:\t%s\t%s", slot[k], bytes, format(insn, syntax)));
            if (syntax == Syntax.LLVM) {
                sb.append(annotation(insn, slot[k], symbols));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** objdump's {@code <symbol+0xoff>} after a jump, naming where it lands. */
    private static String annotation(Insn insn, int here, TreeMap<Integer, String> symbols) {
        if (insn instanceof Insn.Call.Local || !(Operands.targetOf(insn) instanceof Target.Offset(int rel))) {
            return "";
        }
        int dest = here + 1 + rel;
        Map.Entry<Integer, String> base = symbols.floorEntry(dest);
        if (base == null) {
            return "";
        }
        int off = (dest - base.getKey()) * RawInsn.SIZE;
        return " <" + base.getValue() + (off == 0 ? "" : "+0x" + Integer.toHexString(off)) + ">";
    }

    /** The program's instructions with every label target replaced by its relative offset. */
    static List<Insn> resolved(Program program) {
        int[] slot = program.slotIndex();
        List<Insn> out = new ArrayList<>(program.insns().size());
        for (int k = 0; k < program.insns().size(); k++) {
            Insn insn = program.insns().get(k);
            int here = slot[k];
            out.add(switch (insn) {
                case Insn.Jump j -> new Insn.Jump(j.wide(), j.op(), j.dst(), j.src(), offset(j.target(), here, program, slot));
                case Insn.Goto g -> new Insn.Goto(offset(g.target(), here, program, slot), g.longOffset());
                case Insn.Call.Local c -> new Insn.Call.Local(offset(c.target(), here, program, slot));
                case Insn.LoadImm64 l when l.source() == PseudoSource.FUNC && l.symbol() != null -> {
                    Target.Offset o = offset(Target.label(l.symbol()), here, program, slot);
                    yield new Insn.LoadImm64(l.dst(), l.source(), (l.imm() & 0xffffffff00000000L)
                            | (o.slots() & 0xffffffffL), null);
                }
                case Insn.LoadImm64 _, Insn.Alu _, Insn.Endian _, Insn.Load _, Insn.Store _, Insn.Atomic _,
                     Insn.Call.Helper _, Insn.Call.Kfunc _, Insn.Call.Indirect _, Insn.Exit _, Insn.PacketLoad _ -> insn;
            });
        }
        return out;
    }

    private static Target.Offset offset(Target t, int here, Program program, int[] slot) {
        return switch (t) {
            case Target.Offset o -> o;
            case Target.Label(String name) -> {
                Integer idx = program.labels().get(name);
                if (idx == null) {
                    throw new IllegalArgumentException("unknown label '" + name + "'");
                }
                yield new Target.Offset(slot[idx] - here - 1);
            }
        };
    }
}

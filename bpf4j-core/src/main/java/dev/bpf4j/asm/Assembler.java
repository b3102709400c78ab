package dev.bpf4j.asm;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles eBPF text into a {@link Program}. Each line may use either syntax: the uBPF syntax of the
 * bpf_conformance suite ({@code mov32 %r0, 0}, {@code ldxh %r0, [%r1+2]}) or the LLVM/kernel syntax that
 * {@code llvm-objdump -d} prints ({@code w0 = 0}, {@code r0 = *(u16 *)(r1 + 2)}); lines pasted from an
 * {@code llvm-objdump} listing keep working because their address and byte columns are skipped. Labels
 * are {@code name:} (or {@code <name>:}); {@code #} starts a comment. As in the conformance suite, a jump to
 * {@code exit} with no such label goes to the first {@code exit} instruction.
 *
 * <p>Every problem is an {@link AsmException} whose message is one line: {@code line N: reason: text}.
 */
public final class Assembler {
    private static final Pattern OBJDUMP_INSN =
            Pattern.compile("\\s*[0-9]+:\\s+(?:[0-9a-f]{2} ){7}(?:(?:[0-9a-f]{2} ){8})?[0-9a-f]{2}(?:\\s+(.*))?");
    private static final Pattern OBJDUMP_SYMBOL = Pattern.compile("[0-9a-f]+ <(" + Operands.LABEL + ")>:");
    private static final Pattern LABEL_LINE = Pattern.compile("<?(" + Operands.LABEL + ")>?:\\s*(.*)");
    private static final Pattern ANNOTATION = Pattern.compile("\\s<[^<>]*>$");

    private Assembler() {
    }

    /**
     * Assembles {@code text} whose errors name {@code sourceName} (a file name, say) before the line number.
     *
     * @throws AsmException for the first line that cannot be assembled, or an undefined label
     */
    public static Program assemble(String text, String sourceName) {
        try {
            return assemble(text);
        } catch (AsmException e) {
            throw new AsmException(sourceName, e.line(), e.reason());
        }
    }

    /**
     * Assembles {@code text}.
     *
     * @throws AsmException for the first line that cannot be assembled, or an undefined label
     */
    public static Program assemble(String text) {
        List<Insn> insns = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        Map<String, Integer> labels = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = clean(lines[n - 1]);
            if (line.isEmpty()) {
                continue;
            }
            Matcher sym = OBJDUMP_SYMBOL.matcher(line);
            Matcher lab = LABEL_LINE.matcher(line);
            if (sym.matches() || lab.matches()) {
                String name = sym.matches() ? sym.group(1) : lab.group(1);
                if (labels.containsKey(name)) {
                    throw new AsmException(n, "duplicate label '" + name + "': " + line);
                }
                labels.put(name, insns.size());
                line = sym.matches() ? "" : lab.group(2).strip();
                if (line.isEmpty()) {
                    continue;
                }
            }
            try {
                insns.add(parseLine(line));
                lineOf.add(n);
            } catch (SyntaxError | IllegalArgumentException e) {
                throw new AsmException(n, e.getMessage() + ": " + line);
            }
        }
        if (!labels.containsKey("exit") && insns.stream().anyMatch(i -> Operands.targetOf(i) instanceof Target.Label(String l)
                && l.equals("exit"))) {
            for (int k = 0; k < insns.size(); k++) {
                if (insns.get(k) instanceof Insn.Exit) {
                    labels.put("exit", k);
                    break;
                }
            }
        }
        return check(insns, labels, lineOf, lines);
    }

    /** Parses one instruction, choosing the syntax by its shape. */
    static Insn parseLine(String line) {
        String first = line.split("[\\s(]", 2)[0];
        boolean llvm = line.contains("=") || switch (first) {
            case "if", "goto", "gotol", "callx" -> true;
            default -> false;
        };
        return llvm ? LlvmParser.parse(line) : UbpfParser.parse(line);
    }

    /** Drops comments, listing columns and jump annotations; returns the stripped remainder. */
    private static String clean(String raw) {
        int hash = raw.indexOf('#');
        String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
        if (line.startsWith("Disassembly of section ") || line.matches(".*:\\s+file format .*")) {
            return "";
        }
        Matcher m = OBJDUMP_INSN.matcher(line);
        if (m.matches()) {
            line = m.group(1) == null ? "" : m.group(1).strip();
        }
        if (!line.startsWith("<")) {
            line = ANNOTATION.matcher(line).replaceAll("").strip();
        }
        return line;
    }

    /** Checks labels exist and labelled jumps fit their offset fields, then builds the program. */
    private static Program check(List<Insn> insns, Map<String, Integer> labels, List<Integer> lineOf, String[] lines) {
        Program p = new Program(insns, labels);
        int[] slot = p.slotIndex();
        for (int k = 0; k < insns.size(); k++) {
            Insn insn = insns.get(k);
            Target t = Operands.targetOf(insn);
            if (!(t instanceof Target.Label(String name))) {
                continue;
            }
            int n = lineOf.get(k);
            String text = clean(lines[n - 1]);
            Integer at = labels.get(name);
            if (at == null) {
                throw new AsmException(n, "undefined label '" + name + "': " + text);
            }
            long rel = (long) slot[at] - slot[k] - 1;
            boolean shortField = insn instanceof Insn.Jump || insn instanceof Insn.Goto g && !g.longOffset();
            if (shortField && rel != (short) rel) {
                throw new AsmException(n, "jump to '" + name + "' is " + rel + " slots away, more than a 16-bit"
                        + " offset holds (use gotol / ja32): " + text);
            }
        }
        return p;
    }
}

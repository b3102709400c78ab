package dev.bpf4j.asm;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operand spellings shared by both line parsers: registers, jump targets and labels. Kept apart so the
 * uBPF and LLVM parsers agree on what a label is and how big a jump may be.
 */
final class Operands {
    /** What a label may be called: an identifier, also with dots (LLVM's {@code LBB0_2}, {@code .L1}). */
    static final String LABEL = "[A-Za-z_.$][A-Za-z0-9_.$]*";
    private static final Pattern REGISTER = Pattern.compile("(%?)([rw])([0-9]+)");

    private Operands() {
    }

    /** True if {@code s} can name a label. */
    static boolean isLabel(String s) {
        return s.matches(LABEL);
    }

    /**
     * A register {@code %rN} (uBPF) or {@code rN}/{@code wN} (LLVM).
     *
     * @param wide receives whether it was an {@code r} register (may be null)
     */
    static Reg register(String s, boolean[] wide) {
        Matcher m = REGISTER.matcher(s.strip());
        if (!m.matches()) {
            throw new SyntaxError("invalid register '" + s.strip() + "'");
        }
        int n;
        try {
            n = Integer.parseInt(m.group(3));
        } catch (NumberFormatException e) {
            n = Integer.MAX_VALUE;
        }
        if (n > 10) {
            throw new SyntaxError("invalid register '" + s.strip() + "' (eBPF has r0..r10)");
        }
        if (wide != null) {
            wide[0] = m.group(2).equals("r");
        }
        return Reg.of(n);
    }

    /** A register of either syntax. */
    static Reg register(String s) {
        return register(s, null);
    }

    /** True if {@code s} looks like a register. */
    static boolean isRegister(String s) {
        return REGISTER.matcher(s.strip()).matches();
    }

    /**
     * A jump target: a signed or bare number is a relative offset of {@code bits} bits, anything else a
     * label ({@code exit} included: the conformance suite uses it for the first {@code exit}).
     */
    static Target target(String s, int bits) {
        String t = s.strip();
        if (Numbers.isNumber(t)) {
            return Target.offset(Numbers.relative(t, bits));
        }
        if (!isLabel(t)) {
            throw new SyntaxError("invalid jump target '" + t + "'");
        }
        return Target.label(t);
    }

    /**
     * Where an instruction jumps or calls to, or null if it does not; a function address ({@code lddw} with
     * source FUNC) naming a label counts, since the label must exist too.
     */
    static Target targetOf(Insn insn) {
        return switch (insn) {
            case Insn.Jump j -> j.target();
            case Insn.Goto g -> g.target();
            case Insn.Call.Local c -> c.target();
            case Insn.LoadImm64 l when l.symbol() != null && l.source() == PseudoSource.FUNC -> Target.label(l.symbol());
            case Insn.LoadImm64 _, Insn.Alu _, Insn.Endian _, Insn.Load _, Insn.Store _, Insn.Atomic _,
                 Insn.Call.Helper _, Insn.Call.Kfunc _, Insn.Call.Indirect _, Insn.Exit _, Insn.PacketLoad _ -> null;
        };
    }
}

package dev.bpf4j.asm;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.ByteSwap;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one instruction in the uBPF syntax of the bpf_conformance suite: a mnemonic ({@code mov32},
 * {@code ldxh}, {@code jne}, {@code lock fetch add32}, ...) and comma-separated operands, registers as
 * {@code %rN}, memory as {@code [%rN+off]}. 64-bit ALU mnemonics have no suffix, 32-bit ones end in 32.
 */
final class UbpfParser {
    private static final Pattern MEMORY = Pattern.compile("\\[\\s*([%a-z0-9]+)\\s*(?:([+-])\\s*([0-9a-fA-FxX]+))?\\s*]");

    private UbpfParser() {
    }

    /** Parses a comment-free, non-empty line. */
    static Insn parse(String line) {
        String text = line.strip();
        int sp = indexOfSpace(text);
        String mnemonic = sp < 0 ? text : text.substring(0, sp);
        String rest = sp < 0 ? "" : text.substring(sp + 1).strip();
        if (mnemonic.equals("lock")) {
            return lock(rest);
        }
        List<String> ops = split(rest);
        return instruction(mnemonic, ops);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> split(String rest) {
        List<String> ops = new ArrayList<>();
        if (rest.isEmpty()) {
            return ops;
        }
        for (String s : rest.split(",", -1)) {
            ops.add(s.strip());
        }
        return ops;
    }

    private static void count(String mnemonic, List<String> ops, int n) {
        if (ops.size() != n || ops.stream().anyMatch(String::isEmpty)) {
            throw new SyntaxError("invalid number of operands for " + mnemonic + " (expected " + n + ", got "
                    + ops.size() + ")");
        }
    }

    private static Insn instruction(String m, List<String> ops) {
        switch (m) {
            case "exit" -> {
                count(m, ops, 0);
                return new Insn.Exit();
            }
            case "ja", "ja32" -> {
                count(m, ops, 1);
                boolean isLong = m.equals("ja32");
                return new Insn.Goto(Operands.target(ops.get(0), isLong ? 32 : 16), isLong);
            }
            case "call" -> {
                return call(ops);
            }
            case "lddw" -> {
                count(m, ops, 2);
                return new Insn.LoadImm64(Operands.register(ops.get(0)), Numbers.imm64(ops.get(1)));
            }
            case "ld_pseudo" -> {
                return pseudo(m, ops);
            }
            default -> {
                return family(m, ops);
            }
        }
    }

    /** {@code ld_pseudo %rN, source, imm[, next_imm]}: an lddw with a non-zero src (RFC 9669 5.4). */
    static Insn pseudo(String m, List<String> ops) {
        if (ops.size() != 3 && ops.size() != 4) {
            throw new SyntaxError("invalid number of operands for " + m + " (expected 3 or 4, got " + ops.size() + ")");
        }
        Reg dst = Operands.register(ops.get(0));
        int code = Numbers.imm32(ops.get(1));
        PseudoSource source = PseudoSource.of(code);
        if (source == null) {
            throw new SyntaxError("invalid pseudo source " + ops.get(1) + " (expected 0..6)");
        }
        long high = ops.size() == 4 ? (long) Numbers.imm32(ops.get(3)) << 32 : 0;
        if (Operands.isLabel(ops.get(2))) {
            return new Insn.LoadImm64(dst, source, high, ops.get(2));
        }
        long low = Numbers.imm32(ops.get(2)) & 0xffffffffL;
        return new Insn.LoadImm64(dst, source, high | low, null);
    }

    private static Insn call(List<String> ops) {
        if (ops.size() != 1 && ops.size() != 2) {
            throw new SyntaxError("invalid number of operands for call");
        }
        String[] words = ops.get(0).split("\\s+");
        String first = words[0];
        if (words.length == 1 && ops.size() == 1) {
            if (Operands.isRegister(first)) {
                return new Insn.Call.Indirect(Operands.register(first));
            }
            if (first.matches("pc[-+].*")) {
                return new Insn.Call.Local(Operands.target(first.substring(2), 32));
            }
            if (!Numbers.isNumber(first) && Operands.isLabel(first)) {
                return new Insn.Call.Local(Operands.target(first, 32));
            }
            return new Insn.Call.Helper(Numbers.imm32(first));
        }
        if (words.length != 2) {
            throw new SyntaxError("invalid call: expected call N, call local TARGET, call runtime N or call %rN");
        }
        return switch (first) {
            case "helper" -> {
                count("call helper", ops, 1);
                yield new Insn.Call.Helper(Numbers.imm32(words[1]));
            }
            case "local" -> {
                count("call local", ops, 1);
                yield new Insn.Call.Local(Operands.target(words[1], 32));
            }
            case "runtime", "kfunc" -> new Insn.Call.Kfunc(Numbers.imm32(words[1]),
                    ops.size() == 2 ? Numbers.offset16(ops.get(1)) : 0);
            default -> throw new SyntaxError("invalid call mode '" + first + "' (expected helper, local or runtime)");
        };
    }

    private static Insn family(String m, List<String> ops) {
        for (MemSize size : MemSize.values()) {
            if (m.equals("ldx" + size.suffix()) || m.equals("ldxs" + size.suffix()) && size != MemSize.DW) {
                count(m, ops, 2);
                Mem mem = memory(ops.get(1));
                return new Insn.Load(size, m.startsWith("ldxs"), Operands.register(ops.get(0)), mem.reg, mem.off);
            }
            if (m.equals("stx" + size.suffix()) || m.equals("st" + size.suffix())) {
                count(m, ops, 2);
                Mem mem = memory(ops.get(0));
                Operand src = m.startsWith("stx") ? Operands.register(ops.get(1)) : new Imm(Numbers.imm32(ops.get(1)));
                return new Insn.Store(size, mem.reg, mem.off, src);
            }
            if (size != MemSize.DW && (m.equals("ldabs" + size.suffix()) || m.equals("ldind" + size.suffix()))) {
                boolean ind = m.startsWith("ldind");
                count(m, ops, ind ? 2 : 1);
                return new Insn.PacketLoad(size, ind, ind ? Operands.register(ops.get(0)) : Reg.R0,
                        Numbers.imm32(ops.get(ind ? 1 : 0)));
            }
        }
        for (ByteSwap kind : ByteSwap.values()) {
            for (String stem : kind == ByteSwap.BSWAP ? new String[] {"bswap", "swap"} : new String[] {kind.mnemonic()}) {
                for (int width : new int[] {16, 32, 64}) {
                    if (m.equals(stem + width)) {
                        count(m, ops, 1);
                        return new Insn.Endian(kind, width, Operands.register(ops.get(0)));
                    }
                }
            }
        }
        boolean wide = !m.endsWith("32");
        String stem = wide ? m : m.substring(0, m.length() - 2);
        for (JumpOp op : JumpOp.values()) {
            if (stem.equals(op.mnemonic())) {
                count(m, ops, 3);
                return new Insn.Jump(wide, op, Operands.register(ops.get(0)), source(ops.get(1)),
                        Operands.target(ops.get(2), 16));
            }
        }
        if (m.startsWith("movsx")) {
            return movsx(m, ops);
        }
        for (AluOp op : AluOp.values()) {
            if (!op.isMovsx() && (stem.equals(op.mnemonic()) || wide && m.equals(op.mnemonic() + "64"))) {
                if (op == AluOp.NEG) {
                    count(m, ops, 1);
                    return new Insn.Alu(wide, op, Operands.register(ops.get(0)), new Imm(0));
                }
                count(m, ops, 2);
                return new Insn.Alu(wide, op, Operands.register(ops.get(0)), source(ops.get(1)));
            }
        }
        throw new SyntaxError("unknown mnemonic '" + m + "'");
    }

    /** {@code movsx<from><to>}: movsx832, movsx1632, movsx864, movsx1664, movsx3264. */
    private static Insn movsx(String m, List<String> ops) {
        AluOp op = switch (m) {
            case "movsx832", "movsx864" -> AluOp.MOVSX8;
            case "movsx1632", "movsx1664" -> AluOp.MOVSX16;
            case "movsx3264" -> AluOp.MOVSX32;
            default -> throw new SyntaxError("unknown mnemonic '" + m + "'");
        };
        count(m, ops, 2);
        return new Insn.Alu(m.endsWith("64"), op, Operands.register(ops.get(0)), Operands.register(ops.get(1)));
    }

    private static Operand source(String s) {
        return Operands.isRegister(s) || s.startsWith("%") ? Operands.register(s) : new Imm(Numbers.imm32(s));
    }

    /** A memory operand {@code [%rN+off]}. */
    record Mem(Reg reg, short off) {
    }

    static Mem memory(String s) {
        Matcher m = MEMORY.matcher(s.strip());
        if (!m.matches()) {
            throw new SyntaxError("expected a memory operand [%rN+offset], got '" + s.strip() + "'");
        }
        Reg r = Operands.register(m.group(1));
        short off = m.group(2) == null ? 0 : Numbers.offset16(m.group(2) + m.group(3));
        return new Mem(r, off);
    }

    /** {@code lock [fetch] op[32] [%rN+off], %rM}. */
    private static Insn lock(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+", 3);
        boolean fetch = words.length > 0 && words[0].equals("fetch");
        int at = fetch ? 1 : 0;
        if (words.length < at + 2) {
            throw new SyntaxError("invalid number of operands for lock (expected lock [fetch] OP [%rN+off], %rM)");
        }
        String opName = words[at];
        String operandText = String.join(" ", java.util.Arrays.copyOfRange(words, at + 1, words.length));
        List<String> ops = split(operandText);
        if (ops.size() != 2 || ops.get(1).isEmpty()) {
            throw new SyntaxError("invalid number of operands for lock (expected lock [fetch] OP [%rN+off], %rM)");
        }
        boolean wide = !opName.endsWith("32");
        String stem = wide ? opName : opName.substring(0, opName.length() - 2);
        for (AtomicOp op : AtomicOp.values()) {
            if (stem.equals(op.mnemonic())) {
                Mem mem = memory(ops.get(0));
                return new Insn.Atomic(op, fetch || op.alwaysFetches(), wide ? MemSize.DW : MemSize.W, mem.reg,
                        Operands.register(ops.get(1)), mem.off);
            }
        }
        throw new SyntaxError("unknown atomic operation '" + opName + "' (expected add, or, and, xor, xchg, cmpxchg)");
    }
}

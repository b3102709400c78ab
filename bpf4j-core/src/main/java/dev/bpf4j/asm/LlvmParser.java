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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one instruction in the LLVM/kernel syntax, as {@code llvm-mc -triple bpf} reads it and
 * {@code llvm-objdump -d} prints it: {@code w1 += 5}, {@code r0 = *(u16 *)(r1 + 2)},
 * {@code lock *(u64 *)(r10 - 8) += r1}, {@code if w1 s> w2 goto +3}, {@code r1 = 0x1 ll}. Each form is one
 * regular expression; the order of tries matters only where one form is a prefix of another.
 */
final class LlvmParser {
    private static final String REG = "([rw][0-9]+)";
    private static final String NUM = "([-+]?(?:0[xX][0-9a-fA-F]+|[0-9]+))";
    private static final String MEM = "\\(\\s*" + REG + "\\s*([-+])\\s*" + NUM.replace("[-+]?", "") + "\\s*\\)";
    private static final String TYPE = "\\*\\(\\s*([us])(8|16|32|64)\\s*\\*\\)";
    private static final String TARGET = "(\\S+)";

    private static final Pattern GOTO = Pattern.compile("(gotol?)\\s+" + TARGET);
    private static final Pattern CALLX = Pattern.compile("callx\\s+" + REG);
    private static final Pattern IF = Pattern.compile(
            "if\\s+" + REG + "\\s*(==|!=|s>=|s<=|s>|s<|>=|<=|>|<|&)\\s*(\\S+)\\s+goto\\s+" + TARGET);
    private static final Pattern LOCK = Pattern.compile("lock\\s+" + TYPE + "\\s*" + MEM + "\\s*([-+|&^])=\\s*" + REG);
    private static final Pattern FETCH = Pattern.compile(REG + "\\s*=\\s*atomic_fetch_(add|or|and|xor)\\(\\s*\\(\\s*"
            + "([us])(32|64)\\s*\\*\\)\\s*" + MEM + "\\s*,\\s*" + REG + "\\s*\\)");
    private static final Pattern XCHG = Pattern.compile(REG + "\\s*=\\s*(xchg32_32|xchg_64)\\(\\s*" + REG
            + "\\s*([-+])\\s*" + NUM.replace("[-+]?", "") + "\\s*,\\s*" + REG + "\\s*\\)");
    private static final Pattern CMPXCHG = Pattern.compile(REG + "\\s*=\\s*(cmpxchg32_32|cmpxchg_64)\\(\\s*" + REG
            + "\\s*([-+])\\s*" + NUM.replace("[-+]?", "") + "\\s*,\\s*" + REG + "\\s*,\\s*" + REG + "\\s*\\)");
    private static final Pattern STORE = Pattern.compile(TYPE + "\\s*" + MEM + "\\s*=\\s*(\\S+)");
    private static final Pattern LOAD = Pattern.compile(REG + "\\s*=\\s*" + TYPE + "\\s*" + MEM);
    private static final Pattern PACKET = Pattern.compile(REG + "\\s*=\\s*" + TYPE
            + "\\s*skb\\[\\s*(?:" + NUM + "|" + REG + "(?:\\s*([-+])\\s*" + NUM.replace("[-+]?", "") + ")?)\\s*]");
    private static final Pattern LDDW = Pattern.compile(REG + "\\s*=\\s*(\\S+)\\s+ll");
    private static final Pattern NEG = Pattern.compile(REG + "\\s*=\\s*-\\s*" + REG);
    private static final Pattern MOVSX = Pattern.compile(REG + "\\s*=\\s*\\(s(8|16|32)\\)\\s*" + REG);
    private static final Pattern ENDIAN = Pattern.compile(REG + "\\s*=\\s*(be|le|bswap)(16|32|64)\\s+" + REG);
    private static final Pattern ALU = Pattern.compile(REG + "\\s*(\\+|-|\\*|/|\\||&|<<|>>|s>>|%|\\^|s/|s%)?=\\s*(\\S+)");

    private LlvmParser() {
    }

    /** Parses a comment-free, non-empty line. */
    static Insn parse(String line) {
        String s = line.strip();
        Matcher m;
        if ((m = GOTO.matcher(s)).matches()) {
            boolean isLong = m.group(1).equals("gotol");
            return new Insn.Goto(Operands.target(m.group(2), isLong ? 32 : 16), isLong);
        }
        if ((m = CALLX.matcher(s)).matches()) {
            return new Insn.Call.Indirect(reg(m.group(1), null));
        }
        if ((m = IF.matcher(s)).matches()) {
            return jump(m);
        }
        if ((m = LOCK.matcher(s)).matches()) {
            return lock(m);
        }
        if ((m = FETCH.matcher(s)).matches()) {
            AtomicOp op = AtomicOp.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
            MemSize size = atomicSize(m.group(3) + m.group(4));
            Reg dst = reg(m.group(1), size == MemSize.DW);
            Reg src = reg(m.group(8), size == MemSize.DW);
            if (dst != src) {
                throw new SyntaxError("atomic_fetch_" + m.group(2) + " returns into its source register");
            }
            return new Insn.Atomic(op, true, size, reg(m.group(5), true), src, offset(m.group(6), m.group(7)));
        }
        if ((m = XCHG.matcher(s)).matches()) {
            boolean wide = m.group(2).equals("xchg_64");
            Reg dst = reg(m.group(1), wide);
            Reg src = reg(m.group(6), wide);
            if (dst != src) {
                throw new SyntaxError("xchg returns into its source register");
            }
            return new Insn.Atomic(AtomicOp.XCHG, true, wide ? MemSize.DW : MemSize.W, reg(m.group(3), true), src,
                    offset(m.group(4), m.group(5)));
        }
        if ((m = CMPXCHG.matcher(s)).matches()) {
            boolean wide = m.group(2).equals("cmpxchg_64");
            if (reg(m.group(1), wide) != Reg.R0 || reg(m.group(6), wide) != Reg.R0) {
                throw new SyntaxError("cmpxchg compares with and returns into r0");
            }
            return new Insn.Atomic(AtomicOp.CMPXCHG, true, wide ? MemSize.DW : MemSize.W, reg(m.group(3), true),
                    reg(m.group(7), wide), offset(m.group(4), m.group(5)));
        }
        if ((m = STORE.matcher(s)).matches()) {
            return store(m);
        }
        if ((m = PACKET.matcher(s)).matches()) {
            return packet(m);
        }
        if ((m = LOAD.matcher(s)).matches()) {
            MemSize size = size(m.group(3));
            boolean signed = m.group(2).equals("s");
            if (signed && size == MemSize.DW) {
                throw new SyntaxError("there is no sign-extending 64-bit load");
            }
            return new Insn.Load(size, signed, reg(m.group(1), null), reg(m.group(4), true), offset(m.group(5), m.group(6)));
        }
        if ((m = LDDW.matcher(s)).matches()) {
            Reg dst = reg(m.group(1), true);
            String v = m.group(2);
            if (!Numbers.isNumber(v) && Operands.isLabel(v)) {
                return new Insn.LoadImm64(dst, PseudoSource.MAP_FD, 0, v);
            }
            return new Insn.LoadImm64(dst, Numbers.imm64(v));
        }
        if ((m = NEG.matcher(s)).matches()) {
            boolean[] w = new boolean[1];
            Reg dst = Operands.register(m.group(1), w);
            if (reg(m.group(2), w[0]) != dst) {
                throw new SyntaxError("neg negates a register in place: write " + m.group(1) + " = -" + m.group(1));
            }
            return new Insn.Alu(w[0], AluOp.NEG, dst, new Imm(0));
        }
        if ((m = MOVSX.matcher(s)).matches()) {
            boolean[] w = new boolean[1];
            Reg dst = Operands.register(m.group(1), w);
            AluOp op = switch (m.group(2)) {
                case "8" -> AluOp.MOVSX8;
                case "16" -> AluOp.MOVSX16;
                default -> AluOp.MOVSX32;
            };
            if (op == AluOp.MOVSX32 && !w[0]) {
                throw new SyntaxError("(s32) sign extension needs 64-bit registers");
            }
            return new Insn.Alu(w[0], op, dst, reg(m.group(3), w[0]));
        }
        if ((m = ENDIAN.matcher(s)).matches()) {
            Reg dst = reg(m.group(1), null);
            if (reg(m.group(4), null) != dst) {
                throw new SyntaxError("byte swaps work in place: write " + m.group(1) + " = " + m.group(2) + m.group(3)
                        + " " + m.group(1));
            }
            ByteSwap kind = switch (m.group(2)) {
                case "be" -> ByteSwap.TO_BE;
                case "le" -> ByteSwap.TO_LE;
                default -> ByteSwap.BSWAP;
            };
            return new Insn.Endian(kind, Integer.parseInt(m.group(3)), dst);
        }
        if ((m = ALU.matcher(s)).matches()) {
            return alu(m);
        }
        throw new SyntaxError("unknown instruction");
    }

    /** A register; when {@code wide} is not null, checks it is an r (true) or w (false) register. */
    private static Reg reg(String s, Boolean wide) {
        boolean[] w = new boolean[1];
        Reg r = Operands.register(s, w);
        if (wide != null && w[0] != wide) {
            throw new SyntaxError("expected a " + (wide ? "64-bit r" : "32-bit w") + " register, got " + s);
        }
        return r;
    }

    private static short offset(String sign, String digits) {
        return Numbers.offset16(sign + digits);
    }

    private static MemSize size(String bits) {
        return MemSize.ofBytes(Integer.parseInt(bits) / 8);
    }

    private static MemSize atomicSize(String type) {
        return switch (type) {
            case "u32" -> MemSize.W;
            case "u64" -> MemSize.DW;
            default -> throw new SyntaxError("atomic operations take u32 or u64, not " + type);
        };
    }

    private static Operand operand(String s, boolean wide) {
        return Operands.isRegister(s) ? reg(s, wide) : new Imm(Numbers.imm32(s));
    }

    private static Insn jump(Matcher m) {
        boolean[] w = new boolean[1];
        Reg dst = Operands.register(m.group(1), w);
        JumpOp op = null;
        for (JumpOp candidate : JumpOp.values()) {
            if (candidate.llvmOperator().equals(m.group(2))) {
                op = candidate;
            }
        }
        return new Insn.Jump(w[0], op, dst, operand(m.group(3), w[0]), Operands.target(m.group(4), 16));
    }

    private static Insn lock(Matcher m) {
        MemSize size = atomicSize(m.group(1) + m.group(2));
        AtomicOp op = switch (m.group(6)) {
            case "+" -> AtomicOp.ADD;
            case "|" -> AtomicOp.OR;
            case "&" -> AtomicOp.AND;
            case "^" -> AtomicOp.XOR;
            default -> throw new SyntaxError("there is no atomic subtract; add a negated value");
        };
        return new Insn.Atomic(op, false, size, reg(m.group(3), true), reg(m.group(7), null), offset(m.group(4), m.group(5)));
    }

    private static Insn store(Matcher m) {
        if (m.group(1).equals("s")) {
            throw new SyntaxError("stores take unsigned types (u8, u16, u32, u64)");
        }
        MemSize size = size(m.group(2));
        Reg dst = reg(m.group(3), true);
        short off = offset(m.group(4), m.group(5));
        String v = m.group(6);
        Operand src = Operands.isRegister(v) ? reg(v, null) : new Imm(Numbers.imm32(v));
        return new Insn.Store(size, dst, off, src);
    }

    private static Insn packet(Matcher m) {
        if (reg(m.group(1), true) != Reg.R0 || m.group(2).equals("s") || m.group(3).equals("64")) {
            throw new SyntaxError("legacy packet loads are r0 = *(u8|u16|u32 *)skb[...]");
        }
        MemSize size = size(m.group(3));
        if (m.group(4) != null) {
            return new Insn.PacketLoad(size, false, Reg.R0, Numbers.imm32(m.group(4)));
        }
        int imm = m.group(6) == null ? 0 : Numbers.imm32(m.group(6) + m.group(7));
        return new Insn.PacketLoad(size, true, reg(m.group(5), true), imm);
    }

    private static Insn alu(Matcher m) {
        boolean[] w = new boolean[1];
        Reg dst = Operands.register(m.group(1), w);
        String opText = (m.group(2) == null ? "" : m.group(2)) + "=";
        AluOp op = null;
        for (AluOp candidate : AluOp.values()) {
            if (!candidate.isMovsx() && candidate != AluOp.NEG && candidate.llvmOperator().equals(opText)) {
                op = candidate;
            }
        }
        if (op == null) {
            throw new SyntaxError("unknown operator " + opText);
        }
        return new Insn.Alu(w[0], op, dst, operand(m.group(3), w[0]));
    }
}

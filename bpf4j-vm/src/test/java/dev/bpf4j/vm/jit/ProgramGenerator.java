package dev.bpf4j.vm.jit;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.ByteSwap;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Operand;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random programs for the interpreter/JIT differential test: every ALU operation in both widths (with
 * divisors biased to 0, -1 and the minimum), byte swaps, loads and stores of every size around the input
 * memory and the stack (some out of bounds), atomics, forward jumps of every condition, bounded loops
 * (counter in r9), the odd endless loop (ends on the budget), local calls and helper calls (known, unknown
 * and failing helpers). r1 keeps the input pointer and r10 the frame pointer, so most accesses are valid.
 */
final class ProgramGenerator {
    static final int HELPER_MIX = 1000;
    static final int HELPER_FAILS = 1001;
    private static final Reg[] WRITABLE = {Reg.R0, Reg.R2, Reg.R3, Reg.R4, Reg.R5, Reg.R6, Reg.R7, Reg.R8};
    private static final int[] SPECIAL = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 2, 31, 32, 63, 64, 0xff};

    private final Random rnd;
    private final List<Insn> insns = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final List<int[]> pendingLabels = new ArrayList<>();

    /** Half the programs never use r10 but as a base, so the JIT keeps their 64-bit stack slots in locals. */
    private final boolean r10Escapes;

    ProgramGenerator(long seed) {
        this.rnd = new Random(seed);
        this.r10Escapes = rnd.nextBoolean();
    }

    Program generate() {
        for (int r = 0; r <= 9; r++) {
            if (r != 1) {
                insns.add(new Insn.LoadImm64(Reg.of(r), value()));
            }
        }
        int n = 5 + rnd.nextInt(40);
        boolean callee = rnd.nextInt(4) == 0;
        for (int k = 0; k < n; k++) {
            bindDue();
            int kind = rnd.nextInt(100);
            if (kind < 40) {
                insns.add(alu());
            } else if (kind < 45) {
                insns.add(new Insn.Endian(ByteSwap.values()[rnd.nextInt(3)], 16 << rnd.nextInt(3), writable()));
            } else if (kind < 58) {
                MemSize s = size();
                Reg b = base();
                insns.add(new Insn.Load(s, false, writable(), b, offset(b, s)));
            } else if (kind < 62) {
                MemSize s = MemSize.values()[rnd.nextInt(3)];
                Reg b = base();
                insns.add(new Insn.Load(s, true, writable(), b, offset(b, s)));
            } else if (kind < 72) {
                Operand src = rnd.nextBoolean() ? anyReg() : new Imm(value32());
                MemSize s = size();
                Reg b = base();
                insns.add(new Insn.Store(s, b, offset(b, s), src));
            } else if (kind < 77) {
                insns.add(atomic());
            } else if (kind < 87) {
                forwardJump(n - k);
            } else if (kind < 92) {
                loop();
            } else if (kind < 96) {
                insns.add(new Insn.Call.Helper(rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? 999 : HELPER_FAILS)
                        : HELPER_MIX));
            } else if (kind < 98 && callee) {
                if (rnd.nextBoolean()) {
                    insns.add(new Insn.Call.Local(Target.label("F")));
                } else {
                    insns.add(new Insn.LoadImm64(Reg.R7, dev.bpf4j.isa.PseudoSource.FUNC, 0, "F"));
                    insns.add(new Insn.Call.Indirect(Reg.R7));
                }
            } else if (kind < 98) {
                if (rnd.nextBoolean()) {
                    insns.add(new Insn.Alu(true, AluOp.MOV, Reg.R6, new Imm(rnd.nextInt(10) == 0 ? 77
                            : HELPER_MIX)));
                    insns.add(new Insn.Call.Indirect(Reg.R6));
                } else {
                    boolean ind = rnd.nextBoolean();
                    insns.add(new Insn.PacketLoad(MemSize.values()[rnd.nextInt(3)], ind, ind ? Reg.R3 : Reg.R0,
                            rnd.nextInt(70)));
                }
            } else if (kind < 99 && rnd.nextInt(8) == 0) {
                labels.put("E" + insns.size(), insns.size());
                insns.add(new Insn.Goto(Target.label("E" + insns.size()), false));
            } else {
                insns.add(alu());
            }
        }
        bindAll();
        insns.add(new Insn.Exit());
        if (callee) {
            labels.put("F", insns.size());
            if (rnd.nextInt(6) == 0) {
                insns.add(new Insn.Call.Local(Target.label("F")));
            }
            for (int k = rnd.nextInt(5); k >= 0; k--) {
                insns.add(rnd.nextInt(4) == 0 ? new Insn.Store(MemSize.DW, Reg.R10, offset(Reg.R10, MemSize.DW), anyReg())
                        : alu());
            }
            insns.add(new Insn.Exit());
        }
        return new Program(insns, labels);
    }

    private void bindDue() {
        for (int i = pendingLabels.size() - 1; i >= 0; i--) {
            if (--pendingLabels.get(i)[1] <= 0) {
                labels.put("J" + pendingLabels.get(i)[0], insns.size());
                pendingLabels.remove(i);
            }
        }
    }

    private void bindAll() {
        for (int[] p : pendingLabels) {
            labels.put("J" + p[0], insns.size());
        }
        pendingLabels.clear();
    }

    private void forwardJump(int remaining) {
        int id = insns.size();
        Operand src = rnd.nextBoolean() ? anyReg() : new Imm(value32());
        insns.add(new Insn.Jump(rnd.nextBoolean(), JumpOp.values()[rnd.nextInt(JumpOp.values().length)], anyReg(), src,
                Target.label("J" + id)));
        pendingLabels.add(new int[] {id, 1 + rnd.nextInt(Math.max(1, Math.min(remaining, 6)))});
    }

    private void loop() {
        insns.add(new Insn.Alu(true, AluOp.MOV, Reg.R9, new Imm(1 + rnd.nextInt(6))));
        String head = "L" + insns.size();
        labels.put(head, insns.size());
        for (int k = rnd.nextInt(4); k >= 0; k--) {
            insns.add(rnd.nextInt(3) == 0 ? new Insn.Store(MemSize.W, Reg.R1, offset(Reg.R1, MemSize.W), anyReg())
                    : alu());
        }
        insns.add(new Insn.Alu(true, AluOp.SUB, Reg.R9, new Imm(1)));
        insns.add(new Insn.Jump(true, JumpOp.JNE, Reg.R9, new Imm(0), Target.label(head)));
    }

    private Insn alu() {
        AluOp op = AluOp.values()[rnd.nextInt(AluOp.values().length)];
        boolean wide = op == AluOp.MOVSX32 || rnd.nextBoolean();
        Operand src;
        if (op == AluOp.NEG) {
            src = new Imm(0);
        } else if (op.isMovsx() || rnd.nextBoolean()) {
            src = anyReg();
        } else {
            src = new Imm(value32());
        }
        return new Insn.Alu(wide, op, writable(), src);
    }

    private Insn atomic() {
        AtomicOp op = AtomicOp.values()[rnd.nextInt(AtomicOp.values().length)];
        boolean fetch = op.alwaysFetches() || rnd.nextBoolean();
        MemSize size = rnd.nextBoolean() ? MemSize.W : MemSize.DW;
        int off = rnd.nextInt(30) == 0 ? rnd.nextInt(1100) - 560 : (rnd.nextInt(8) * 8 - (rnd.nextBoolean() ? 64 : 0));
        Reg base = off < 0 ? Reg.R10 : Reg.R1;
        return new Insn.Atomic(op, fetch, size, base, writable(), (short) off);
    }

    private Reg base() {
        int k = rnd.nextInt(60);
        return k == 0 ? anyReg() : k < 30 ? Reg.R1 : Reg.R10;
    }

    /** Mostly inside the input memory (r1, 64 bytes) or the frame (r10, 512 below); now and then anywhere. */
    private short offset(Reg base, MemSize size) {
        if (rnd.nextInt(40) == 0) {
            return (short) (rnd.nextInt(1100) - 560);
        }
        if (base == Reg.R10 && size == MemSize.DW && rnd.nextBoolean()) {
            return (short) (-8 - 8 * rnd.nextInt(6));
        }
        return (short) (base == Reg.R10 ? -size.bytes() - rnd.nextInt(512 - size.bytes() + 1)
                : rnd.nextInt(64 - size.bytes() + 1));
    }

    private MemSize size() {
        return MemSize.values()[rnd.nextInt(4)];
    }

    private Reg writable() {
        return WRITABLE[rnd.nextInt(WRITABLE.length)];
    }

    private Reg anyReg() {
        return Reg.of(rnd.nextInt(r10Escapes ? 11 : 10));
    }

    private int value32() {
        return rnd.nextBoolean() ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt();
    }

    private long value() {
        return switch (rnd.nextInt(5)) {
            case 0 -> SPECIAL[rnd.nextInt(SPECIAL.length)];
            case 1 -> Long.MIN_VALUE;
            case 2 -> rnd.nextInt(64);
            default -> rnd.nextLong();
        };
    }
}

package dev.bpf4j.vm.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.ByteSwap;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.InvalidInsnException;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the program, the VM answers with a result or a {@link VmException}: never another exception,
 * never a hang (small budget).
 */
class RobustnessProperties {
    private static final VmOptions OPTIONS = VmOptions.defaults().withBudget(5_000).withTraceSink(s -> { });

    /** Runs {@code bytes} if they decode; fails the property on anything but a clean outcome. */
    private static void check(byte[] bytes, byte[] mem) {
        Program p;
        try {
            p = Program.decode(bytes, ByteOrder.LITTLE_ENDIAN);
        } catch (InvalidInsnException e) {
            Statistics.collect("invalid encoding");
            return;
        }
        try {
            Interpreter vm = Interpreter.of(p, OPTIONS);
            vm.run(mem);
            vm.run(mem);
            assertThat(vm.executedInstructions()).isBetween(1L, 5_000L);
            Statistics.collect("ran to a result");
        } catch (VmException e) {
            assertThat(e.getMessage()).startsWith("instruction ");
            Statistics.collect(e instanceof dev.bpf4j.vm.MemoryFaultException ? "memory fault" : "other VmException");
        }
    }

    @Property(tries = 3000)
    void randomBytes(@ForAll @Size(max = 96) byte[] bytes, @ForAll @Size(max = 64) byte[] mem) {
        check(bytes, mem.length == 0 ? null : mem);
    }

    @Property(tries = 3000)
    void randomBytesWithValidOpcodes(@ForAll long seed) {
        // Random bytes rarely decode; biasing the opcode and register bytes reaches the execute loop far more.
        Random rnd = new Random(seed);
        int[] opcodes = {0x07, 0x0f, 0x17, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x47, 0x57, 0x67, 0x77, 0x87, 0x97, 0xa7,
            0xb7, 0xbf, 0xc7, 0xcf, 0x04, 0x0c, 0x34, 0x3c, 0x94, 0x9c, 0xb4, 0xbc, 0xd4, 0xdc, 0xd7, 0x05, 0x15,
            0x1d, 0x25, 0x2d, 0x35, 0x55, 0x5d, 0x65, 0x6d, 0xa5, 0xad, 0xc5, 0xcd, 0x16, 0x1e, 0x26, 0x85, 0x95,
            0x61, 0x69, 0x71, 0x79, 0x81, 0x89, 0x91, 0x62, 0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b, 0xc3, 0xdb,
            0x18, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50, 0x8d};
        int n = 1 + rnd.nextInt(12);
        byte[] bytes = new byte[n * 8];
        for (int i = 0; i < n; i++) {
            int op = opcodes[rnd.nextInt(opcodes.length)];
            bytes[i * 8] = (byte) op;
            // Reserved fields must be zero, so zero each one half of the time.
            bytes[i * 8 + 1] = (byte) (rnd.nextInt(11) | (rnd.nextBoolean() ? 0 : rnd.nextInt(11) << 4));
            bytes[i * 8 + 2] = (byte) (rnd.nextBoolean() ? 0 : rnd.nextInt(7) - 3);
            bytes[i * 8 + 3] = (byte) (bytes[i * 8 + 2] < 0 ? -1 : 0);
            int imm = rnd.nextBoolean() ? 0 : rnd.nextBoolean() ? rnd.nextInt(16) - 4 : rnd.nextInt();
            for (int k = 0; k < 4; k++) {
                bytes[i * 8 + 4 + k] = (byte) (imm >> (8 * k));
            }
        }
        check(bytes, rnd.nextBoolean() ? new byte[rnd.nextInt(64)] : null);
    }

    @Property(tries = 2000)
    void randomValidInstructionStreams(@ForAll long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(20);
        List<Insn> insns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            insns.add(randomInsn(rnd));
        }
        insns.add(new Insn.Exit());
        byte[] bytes;
        try {
            bytes = Program.of(insns).toBytes();
        } catch (IllegalArgumentException e) {
            Statistics.collect("not encodable");
            return;
        }
        check(bytes, new byte[32]);
    }

    private static Reg reg(Random rnd) {
        return Reg.of(rnd.nextInt(11));
    }

    private static Insn randomInsn(Random rnd) {
        MemSize size = MemSize.values()[rnd.nextInt(4)];
        short off = (short) (rnd.nextInt(40) - 20);
        Target t = Target.offset(rnd.nextInt(9) - 4);
        return switch (rnd.nextInt(12)) {
            case 0, 1 -> {
                AluOp op = AluOp.values()[rnd.nextInt(AluOp.values().length)];
                boolean wide = op == AluOp.MOVSX32 || rnd.nextBoolean();
                yield op == AluOp.NEG ? new Insn.Alu(wide, op, reg(rnd), new Imm(0))
                        : op.isMovsx() || rnd.nextBoolean() ? new Insn.Alu(wide, op, reg(rnd), reg(rnd))
                        : new Insn.Alu(wide, op, reg(rnd), new Imm(rnd.nextInt(70) - 3));
            }
            case 2 -> new Insn.Endian(ByteSwap.values()[rnd.nextInt(3)], 16 << rnd.nextInt(3), reg(rnd));
            case 3 -> new Insn.Jump(rnd.nextBoolean(), JumpOp.values()[rnd.nextInt(JumpOp.values().length)], reg(rnd),
                    rnd.nextBoolean() ? reg(rnd) : new Imm(rnd.nextInt(10)), t);
            case 4 -> new Insn.Goto(t, rnd.nextBoolean());
            case 5 -> new Insn.Load(size, size != MemSize.DW && rnd.nextBoolean(), reg(rnd),
                    rnd.nextBoolean() ? Reg.R10 : Reg.R1, off);
            case 6 -> new Insn.Store(size, rnd.nextBoolean() ? Reg.R10 : Reg.R1, off,
                    rnd.nextBoolean() ? reg(rnd) : new Imm(rnd.nextInt()));
            case 7 -> {
                AtomicOp op = AtomicOp.values()[rnd.nextInt(AtomicOp.values().length)];
                yield new Insn.Atomic(op, op.alwaysFetches() || rnd.nextBoolean(),
                        rnd.nextBoolean() ? MemSize.W : MemSize.DW, Reg.R10, reg(rnd), (short) -(8 * (1 + rnd.nextInt(4))));
            }
            case 8 -> rnd.nextBoolean() ? new Insn.LoadImm64(reg(rnd), rnd.nextLong())
                    : new Insn.LoadImm64(reg(rnd), PseudoSource.FUNC, rnd.nextInt(5) - 2, null);
            case 9 -> switch (rnd.nextInt(3)) {
                case 0 -> new Insn.Call.Helper(rnd.nextInt(20));
                case 1 -> new Insn.Call.Local(t);
                default -> new Insn.Call.Indirect(reg(rnd));
            };
            case 10 -> new Insn.PacketLoad(MemSize.values()[rnd.nextInt(3)], true, reg(rnd), rnd.nextInt(40));
            default -> new Insn.Exit();
        };
    }
}

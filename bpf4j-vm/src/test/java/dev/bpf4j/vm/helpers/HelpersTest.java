package dev.bpf4j.vm.helpers;

import static dev.bpf4j.vm.Asm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.vm.MemoryFaultException;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.interp.Interpreter;
import dev.bpf4j.vm.maps.Errno;
import dev.bpf4j.vm.maps.MapSpec;
import dev.bpf4j.vm.maps.MapType;
import dev.bpf4j.vm.maps.ProgArrayMap;
import dev.bpf4j.vm.maps.RingBufMap;
import dev.bpf4j.vm.maps.VmMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standard helpers, called from programs. */
class HelpersTest {
    private static long runWith(VmMap map, Insn... insns) {
        return Interpreter.of(prog(insns), VmOptions.defaults().withMapsByFd(Map.of(1, map))).run(null);
    }

    @Test
    void hashMapFromAProgram() {
        VmMap map = VmMap.create(MapSpec.of("counts", MapType.HASH, 4, 8, 4), 1);
        // key = 7 at fp-4, value = 100 at fp-16; update, lookup, add 1 in place, read back.
        long r0 = runWith(map,
                st(MemSize.W, R10, -4, 7), st(MemSize.DW, R10, -16, 100),
                lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10), alu64(AluOp.ADD, R2, imm(-4)),
                mov(R3, R10), alu64(AluOp.ADD, R3, imm(-16)), mov(R4, 0), call(2),
                jmp(JumpOp.JNE, R0, imm(0), 8),
                lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10), alu64(AluOp.ADD, R2, imm(-4)), call(1),
                jmp(JumpOp.JEQ, R0, imm(0), 3),
                mov(R1, 1), atomic(dev.bpf4j.isa.AtomicOp.ADD, false, MemSize.DW, R0, 0, R1),
                ldx(MemSize.DW, R0, R0, 0),
                exit());
        assertThat(r0).isEqualTo(101);
        assertThat(map.lookup(new byte[] {7, 0, 0, 0}, 0)).containsExactly(101, 0, 0, 0, 0, 0, 0, 0);
        // The same update with BPF_NOEXIST now fails with -EEXIST.
        long err = runWith(map, st(MemSize.W, R10, -4, 7), st(MemSize.DW, R10, -16, 1),
                lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10), alu64(AluOp.ADD, R2, imm(-4)),
                mov(R3, R10), alu64(AluOp.ADD, R3, imm(-16)), mov(R4, 1), call(2), exit());
        assertThat(err).isEqualTo(-Errno.EEXIST);
        long del = runWith(map, st(MemSize.W, R10, -4, 8), lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10),
                alu64(AluOp.ADD, R2, imm(-4)), call(3), exit());
        assertThat(del).isEqualTo(-Errno.ENOENT);
    }

    @Test
    void aLookedUpValueIsBoundsChecked() {
        VmMap map = VmMap.create(MapSpec.of("a", MapType.ARRAY, 4, 8, 1), 1);
        assertThatThrownBy(() -> runWith(map, st(MemSize.W, R10, -4, 0), lddw(R1, PseudoSource.MAP_FD, 1),
                mov(R2, R10), alu64(AluOp.ADD, R2, imm(-4)), call(1), ldx(MemSize.DW, R0, R0, 1), exit()))
                .isInstanceOf(MemoryFaultException.class).hasMessageContaining("value of map a of 8 bytes");
        assertThatThrownBy(() -> runWith(map, mov(R1, 5), mov(R2, R10), call(1), exit()))
                .isInstanceOf(VmException.class).hasMessageContaining("is not a map");
        assertThatThrownBy(() -> runWith(map, lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, 0), call(1), exit()))
                .isInstanceOf(MemoryFaultException.class).hasMessageContaining("null pointer");
    }

    @Test
    void queuePushPop() {
        VmMap q = VmMap.create(MapSpec.of("q", MapType.QUEUE, 0, 8, 4), 1);
        long r0 = runWith(q, st(MemSize.DW, R10, -8, 33), lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10),
                alu64(AluOp.ADD, R2, imm(-8)), mov(R3, 0), call(87),
                st(MemSize.DW, R10, -8, 0),
                lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10), alu64(AluOp.ADD, R2, imm(-8)), call(88),
                ldx(MemSize.DW, R0, R10, -8), exit());
        assertThat(r0).isEqualTo(33);
        long empty = runWith(q, lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10), alu64(AluOp.ADD, R2, imm(-8)),
                call(89), exit());
        assertThat(empty).isEqualTo(-Errno.ENOENT);
    }

    @Test
    void ringBufferProducedByTheProgramConsumedFromJava() {
        RingBufMap rb = (RingBufMap) VmMap.create(new MapSpec("events", MapType.RINGBUF, 0, 0, 4096, 0), 1);
        Interpreter vm = Interpreter.of(prog(
                lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, 8), mov(R3, 0), call(131),
                jmp(JumpOp.JEQ, R0, imm(0), 5),
                st(MemSize.DW, R0, 0, 0x1234), mov(R6, R0), mov(R1, R0), mov(R2, 0), call(132),
                st(MemSize.DW, R10, -8, 0x55), lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10),
                alu64(AluOp.ADD, R2, imm(-8)), mov(R3, 8), mov(R4, 0), call(130),
                exit()), VmOptions.defaults().withMapsByFd(Map.of(1, rb)));
        assertThat(vm.run(null)).isZero();
        assertThat(rb.poll()).containsExactly(0x34, 0x12, 0, 0, 0, 0, 0, 0);
        assertThat(rb.poll()).containsExactly(0x55, 0, 0, 0, 0, 0, 0, 0);
        assertThat(rb.poll()).isNull();
        // Writing to a record after submitting it faults: the record is no longer the program's.
        Interpreter late = Interpreter.of(prog(
                lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, 8), mov(R3, 0), call(131), mov(R6, R0),
                mov(R1, R0), mov(R2, 0), call(133), st(MemSize.DW, R6, 0, 1), exit()),
                VmOptions.defaults().withMapsByFd(Map.of(1, rb)));
        assertThatThrownBy(() -> late.run(null)).isInstanceOf(MemoryFaultException.class)
                .hasMessageContaining("released");
        assertThat(rb.poll()).isNull();
        assertThat(rb.used()).isZero();
    }

    @Test
    void tailCallsJumpAndAreLimitedToThirtyThree() {
        ProgArrayMap jt = (ProgArrayMap) VmMap.create(MapSpec.of("jt", MapType.PROG_ARRAY, 4, 4, 2), 1);
        // Program 0: r0 = *(u64 *)(r1) += 1 (count in input memory), then tail-call itself; falls through when
        // the limit is hit and returns the count.
        Program self = prog(ldx(MemSize.DW, R2, R1, 0), alu64(AluOp.ADD, R2, imm(1)), stx(MemSize.DW, R1, 0, R2),
                mov(R6, R1), lddw(R2, PseudoSource.MAP_FD, 1), mov(R3, 0), call(12),
                ldx(MemSize.DW, R0, R6, 0), exit());
        jt.set(0, self);
        byte[] mem = new byte[8];
        Interpreter vm = Interpreter.of(self, VmOptions.defaults().withMapsByFd(Map.of(1, jt)));
        assertThat(vm.run(mem)).isEqualTo(34);
        // An empty slot: the call fails and the program goes on.
        Program other = prog(mov(R6, R1), lddw(R2, PseudoSource.MAP_FD, 1), mov(R3, 1), call(12), exit());
        assertThat(Interpreter.of(other, VmOptions.defaults().withMapsByFd(Map.of(1, jt))).run(mem))
                .isEqualTo(-Errno.ENOENT);
        jt.set(1, prog(mov(R0, 77), exit()));
        assertThat(Interpreter.of(other, VmOptions.defaults().withMapsByFd(Map.of(1, jt))).run(mem)).isEqualTo(77);
    }

    @Test
    void tracePrintkFormatsLikeTheKernel() {
        List<String> lines = new ArrayList<>();
        byte[] fmt = "v=%d u=%u x=%x lld=%lld\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] mem = java.util.Arrays.copyOf(fmt, 64);
        Interpreter vm = Interpreter.of(prog(mov(R6, R1), mov(R2, fmt.length), mov(R3, -5), mov(R4, -1),
                mov(R5, 255), call(6), exit()), VmOptions.defaults().withTraceSink(lines::add));
        long n = vm.run(mem);
        // Four conversions, three arguments: the kernel refuses the format.
        assertThat(lines).isEmpty();
        assertThat(n).isEqualTo(-Errno.EINVAL);
        byte[] three = "v=%d u=%u x=%x\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Interpreter ok = Interpreter.of(prog(mov(R2, three.length), mov(R3, -5), mov(R4, -1),
                mov(R5, 255), call(6), exit()), VmOptions.defaults().withTraceSink(lines::add));
        assertThat(ok.run(three.clone())).isEqualTo("v=-5 u=4294967295 x=ff".length());
        assertThat(lines).containsExactly("v=-5 u=4294967295 x=ff");
        assertThat(TracePrintk.format("%s is %5d|%-4x|%%", new long[] {1, -42, 0xab}, a -> "it"))
                .isEqualTo("it is   -42|ab  |%");
        assertThat(TracePrintk.format("%04u|%05d", new long[] {7, -42}, a -> "")).isEqualTo("0007|-0042");
        assertThat(TracePrintk.format("%d %lld %llu", new long[] {0xffff_ffffL, -1, -1}, a -> ""))
                .isEqualTo("-1 -1 18446744073709551615");
        assertThat(TracePrintk.format("%lx %x %X %5s", new long[] {-1, -1, 0xab, 0}, a -> "ab"))
                .isNull();
        assertThat(TracePrintk.format("%lx %x %X", new long[] {-1, -1, 0xab}, a -> ""))
                .isEqualTo("ffffffffffffffff ffffffff AB");
        assertThat(TracePrintk.format("%q", new long[] {1}, a -> "")).isNull();
        assertThat(TracePrintk.format("%-3c|%+d|%p", new long[] {'A', 5, 0x10}, a -> ""))
                .isEqualTo("A  |+5|0x10");
    }

    @Test
    void tracePrintkReadsStringsFromMemory() {
        List<String> lines = new ArrayList<>();
        byte[] mem = new byte[32];
        byte[] fmt = "hi %s!\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(fmt, 0, mem, 0, fmt.length);
        System.arraycopy("bob\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, mem, 16, 4);
        Interpreter vm = Interpreter.of(prog(mov(R3, R1), alu64(AluOp.ADD, R3, imm(16)), mov(R2, fmt.length),
                call(6), exit()), VmOptions.defaults().withTraceSink(lines::add));
        assertThat(vm.run(mem)).isEqualTo(7);
        assertThat(lines).containsExactly("hi bob!");
    }

    @Test
    void timeRandomCpuAndCustomHelpers() {
        assertThat(run(call(5), exit())).isNotZero();
        long a = run(call(7), exit());
        assertThat(a).isBetween(0L, 0xffff_ffffL);
        VmOptions opts = VmOptions.defaults().withCpus(4, 3)
                .withHelpers(HelperRegistry.standard().with(1000, "answer", (ctx, r1, r2, r3, r4, r5) -> r1 * 2));
        assertThat(Interpreter.of(prog(call(8), exit()), opts).run(null)).isEqualTo(3);
        assertThat(Interpreter.of(prog(mov(R1, 21), call(1000), exit()), opts).run(null)).isEqualTo(42);
        VmOptions failing = VmOptions.defaults().withHelpers(HelperRegistry.empty()
                .with(9, "boom", (ctx, r1, r2, r3, r4, r5) -> {
                    throw new IllegalStateException("nope");
                }));
        assertThatThrownBy(() -> Interpreter.of(prog(call(9), exit()), failing).run(null))
                .isInstanceOf(VmException.class).hasMessageContaining("helper boom (9) failed");
        assertThatThrownBy(() -> run(call(4242), exit())).isInstanceOf(VmException.class)
                .hasMessage("instruction 0: unknown helper id 4242");
        assertThat(run(mov(R1, R10), alu64(AluOp.ADD, R1, imm(-16)), mov(R2, 16), call(16),
                ldx(MemSize.W, R0, R10, -16), exit())).isEqualTo(0x6176616aL);
    }

    @Test
    void symbolicMapReferencesResolveByNameAndKernelVariablesAreNotSupported() {
        VmMap map = VmMap.create(MapSpec.of("cfg", MapType.ARRAY, 4, 8, 1), 1);
        map.lookup(new byte[4], 0)[0] = 9;
        VmOptions opts = VmOptions.defaults().withMapsByIndex(List.of(map));
        Program byName = prog(new Insn.LoadImm64(R1, PseudoSource.MAP_VALUE, 0, "cfg"), ldx(MemSize.B, R0, R1, 0),
                exit());
        assertThat(Interpreter.of(byName, opts).run(null)).isEqualTo(9);
        Program unknown = prog(new Insn.LoadImm64(R1, PseudoSource.MAP_FD, 0, "nope"), exit());
        assertThatThrownBy(() -> Interpreter.of(unknown, opts)).isInstanceOf(VmException.class)
                .hasMessageContaining("no map of that name");
        Program btf = prog(lddw(R1, PseudoSource.BTF_ID, 5), exit());
        assertThatThrownBy(() -> Interpreter.of(btf, opts)).isInstanceOf(VmException.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void perCpuMapsSeeTheProgramsCpu() {
        VmOptions opts = VmOptions.defaults().withCpus(4, 2);
        dev.bpf4j.vm.maps.PerCpuArrayMap map = (dev.bpf4j.vm.maps.PerCpuArrayMap) opts.newMap(
                MapSpec.of("pc", MapType.PERCPU_ARRAY, 4, 8, 1));
        Interpreter vm = Interpreter.of(prog(st(MemSize.W, R10, -4, 0), lddw(R1, PseudoSource.MAP_FD, 1),
                mov(R2, R10), alu64(AluOp.ADD, R2, imm(-4)), call(1), jmp(JumpOp.JEQ, R0, imm(0), 2),
                mov(R1, 1), atomic(dev.bpf4j.isa.AtomicOp.ADD, false, MemSize.DW, R0, 0, R1), exit()),
                opts.withMapsByFd(Map.of(1, map)));
        vm.run(null);
        vm.run(null);
        assertThat(map.getAll(0)[2][0]).isEqualTo((byte) 2);
        assertThat(map.getAll(0)[0][0]).isZero();
        assertThat(map.cpus()).isEqualTo(4);
    }
}

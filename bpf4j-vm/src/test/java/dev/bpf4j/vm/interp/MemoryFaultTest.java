package dev.bpf4j.vm.interp;

import static dev.bpf4j.vm.Asm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.MemoryFaultException;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.maps.ArrayMap;
import dev.bpf4j.vm.maps.MapSpec;
import dev.bpf4j.vm.maps.MapType;
import dev.bpf4j.vm.maps.VmMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every region's bounds are enforced, and faults name the instruction (slot), the address and the region. */
class MemoryFaultTest {
    private static MemoryFaultException fault(byte[] mem, dev.bpf4j.isa.Insn... insns) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> run(mem, insns));
        assertThat(t).isInstanceOf(MemoryFaultException.class);
        return (MemoryFaultException) t;
    }

    @Test
    void inputMemoryReadsAndWritesInPlaceWithinBounds() {
        byte[] mem = {1, 2, 3, 4, 5, 6, 7, 8};
        long r0 = run(mem, ldx(MemSize.DW, R0, R1, 0), st(MemSize.B, R1, 7, 0x7f), exit());
        assertThat(r0).isEqualTo(0x0807060504030201L);
        assertThat(mem[7]).isEqualTo((byte) 0x7f);
        assertThat(run(mem, mov(R0, R2), exit())).isEqualTo(8);
    }

    @Test
    void inputOutOfBoundsReadAndWrite() {
        byte[] mem = new byte[8];
        MemoryFaultException e = fault(mem, mov(R0, 0), ldx(MemSize.W, R0, R1, 6), exit());
        assertThat(e.pc()).isEqualTo(1);
        assertThat(e.address()).isEqualTo(Memory.address(Memory.INPUT_REGION, 6));
        assertThat(e.getMessage()).startsWith("instruction 1: read of 4 bytes at 0x900000006")
                .contains("input memory of 8 bytes");
        e = fault(mem, stx(MemSize.B, R1, -1, R1), exit());
        assertThat(e.pc()).isZero();
        assertThat(e.getMessage()).contains("write of 1 bytes");
        assertThat(mem).containsOnly(0);
    }

    @Test
    void noInputMeansR1IsNullAndDereferencingItFaults() {
        assertThat(run(mov(R0, R1), alu64(AluOp.OR, R0, R2), exit())).isZero();
        MemoryFaultException e = fault(null, ldx(MemSize.B, R0, R1, 0), exit());
        assertThat(e.address()).isZero();
        assertThat(e.region()).isEqualTo("null pointer");
        e = fault(null, lddw(R1, 0x1234), stx(MemSize.DW, R1, 0, R1), exit());
        assertThat(e.pc()).isEqualTo(2);
        assertThat(e.region()).isEqualTo("null pointer");
        e = fault(null, lddw(R1, 0x7777_0000_0000L), stx(MemSize.DW, R1, 0, R1), exit());
        assertThat(e.region()).contains("not an address the program was given");
    }

    @Test
    void stackBoundsAreTheFramesFiveHundredTwelveBytes() {
        assertThat(run(st(MemSize.DW, R10, -512, 42), ldx(MemSize.DW, R0, R10, -512), exit())).isEqualTo(42);
        MemoryFaultException over = fault(null, st(MemSize.DW, R10, -520, 1), exit());
        assertThat(over.region()).isEqualTo("8 bytes before the start of stack frame 0 of 512 bytes");
        MemoryFaultException under = fault(null, ldx(MemSize.B, R0, R10, 0), exit());
        assertThat(under.address()).isEqualTo(Memory.framePointer(0));
        fault(null, ldx(MemSize.DW, R0, R10, -4), exit());
    }

    @Test
    void mapValueBoundsAndMapHandlesAreNotMemory() {
        ArrayMap map = (ArrayMap) VmMap.create(MapSpec.of("a", MapType.ARRAY, 4, 8, 2), 1);
        VmOptions opts = VmOptions.defaults().withMapsByFd(java.util.Map.of(3, map));
        var ok = prog(lddw(R1, PseudoSource.MAP_VALUE, 3L | 4L << 32), st(MemSize.W, R1, 0, 99),
                ldx(MemSize.W, R0, R1, 0), exit());
        assertThat(Interpreter.of(ok, opts).run(null)).isEqualTo(99);
        assertThat(map.get(0)).containsExactly(0, 0, 0, 0, 99, 0, 0, 0);
        var bad = prog(lddw(R1, PseudoSource.MAP_VALUE, 3L), ldx(MemSize.DW, R0, R1, 4), exit());
        assertThatThrownBy(() -> Interpreter.of(bad, opts).run(null)).isInstanceOf(MemoryFaultException.class)
                .hasMessageStartingWith("instruction 2:").hasMessageContaining("value of map a");
        var handle = prog(lddw(R1, PseudoSource.MAP_FD, 3L), ldx(MemSize.B, R0, R1, 0), exit());
        assertThatThrownBy(() -> Interpreter.of(handle, opts).run(null)).isInstanceOf(MemoryFaultException.class)
                .hasMessageContaining("map handle");
        var idx = prog(lddw(R1, PseudoSource.MAP_IDX_VALUE, 0L), ldx(MemSize.B, R0, R1, 0), exit());
        assertThat(Interpreter.of(idx, VmOptions.defaults().withMapsByIndex(List.of(map))).run(null)).isEqualTo(0);
        assertThatThrownBy(() -> Interpreter.of(handle, VmOptions.defaults())).isInstanceOf(VmException.class)
                .hasMessageContaining("no such map");
    }

    @Test
    void sizedAccessesAndSignExtendingLoads() {
        byte[] mem = {(byte) 0x80, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};
        assertThat(run(mem, ldxs(MemSize.B, R0, R1, 0), exit())).isEqualTo(-128);
        assertThat(run(mem, ldxs(MemSize.H, R0, R1, 0), exit())).isEqualTo(0xffffffffffffff80L);
        assertThat(run(mem, ldxs(MemSize.W, R0, R1, 0), exit())).isEqualTo(0xffffffffffffff80L);
        assertThat(run(mem, ldx(MemSize.H, R0, R1, 0), exit())).isEqualTo(0xff80);
        assertThat(run(mem, ldx(MemSize.W, R0, R1, 0), exit())).isEqualTo(0xffffff80L);
        assertThat(run(mem, st(MemSize.H, R1, 2, 0x1234), ldx(MemSize.DW, R0, R1, 0), exit()))
                .isEqualTo(0x1234ff80L);
    }

    @Test
    void theInterpreterStaysUsableAfterAFault() {
        Interpreter vm = Interpreter.of(prog(ldx(MemSize.B, R0, R1, 0), exit()));
        assertThatThrownBy(() -> vm.run(null)).isInstanceOf(MemoryFaultException.class);
        assertThat(vm.executedInstructions()).isEqualTo(1);
        assertThat(vm.run(new byte[] {9})).isEqualTo(9);
        assertThat(vm.executedInstructions()).isEqualTo(2);
    }

    @Test
    void eachRunStartsWithAZeroedStack() {
        Interpreter vm = Interpreter.of(prog(ldx(MemSize.DW, R0, R10, -8), st(MemSize.DW, R10, -8, 5), exit()));
        assertThat(vm.run(null)).isZero();
        assertThat(vm.run(null)).isZero();
    }
}

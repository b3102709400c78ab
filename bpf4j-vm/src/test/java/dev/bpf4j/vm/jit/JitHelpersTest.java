package dev.bpf4j.vm.jit;

import static dev.bpf4j.vm.Asm.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.AluOp;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.interp.Interpreter;
import dev.bpf4j.vm.maps.Errno;
import dev.bpf4j.vm.maps.MapSpec;
import dev.bpf4j.vm.maps.MapType;
import dev.bpf4j.vm.maps.ProgArrayMap;
import dev.bpf4j.vm.maps.VmMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Maps, helpers and tail calls behave on the JIT exactly as on the interpreter. */
class JitHelpersTest {
    @Test
    void hashMapThroughHelpersAndAtomics() {
        VmMap map = VmMap.create(MapSpec.of("counts", MapType.HASH, 4, 8, 4), 1);
        Program p = prog(st(MemSize.W, R10, -4, 7), st(MemSize.DW, R10, -16, 100),
                lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10), alu64(AluOp.ADD, R2, imm(-4)),
                mov(R3, R10), alu64(AluOp.ADD, R3, imm(-16)), mov(R4, 0), call(2),
                jmp(JumpOp.JNE, R0, imm(0), 8),
                lddw(R1, PseudoSource.MAP_FD, 1), mov(R2, R10), alu64(AluOp.ADD, R2, imm(-4)), call(1),
                jmp(JumpOp.JEQ, R0, imm(0), 3),
                mov(R1, 1), atomic(AtomicOp.ADD, false, MemSize.DW, R0, 0, R1),
                ldx(MemSize.DW, R0, R0, 0),
                exit());
        JitProgram jit = JitProgram.of(p, VmOptions.defaults().withMapsByFd(Map.of(1, map)));
        assertThat(jit.run(null)).isEqualTo(101);
        assertThat(map.lookup(new byte[] {7, 0, 0, 0}, 0)).containsExactly(101, 0, 0, 0, 0, 0, 0, 0);
        assertThat(jit.run(null)).isEqualTo(101);
    }

    @Test
    void tailCallsJumpAndAreLimitedToThirtyThree() {
        ProgArrayMap jt = (ProgArrayMap) VmMap.create(MapSpec.of("jt", MapType.PROG_ARRAY, 4, 4, 2), 1);
        Program self = prog(ldx(MemSize.DW, R2, R1, 0), alu64(AluOp.ADD, R2, imm(1)), stx(MemSize.DW, R1, 0, R2),
                mov(R6, R1), lddw(R2, PseudoSource.MAP_FD, 1), mov(R3, 0), call(12),
                ldx(MemSize.DW, R0, R6, 0), exit());
        jt.set(0, self);
        VmOptions o = VmOptions.defaults().withMapsByFd(Map.of(1, jt));
        JitProgram jit = JitProgram.of(self, o);
        Interpreter vm = Interpreter.of(self, o);
        assertThat(jit.run(new byte[8])).isEqualTo(34).isEqualTo(vm.run(new byte[8]));
        assertThat(jit.executedInstructions()).isEqualTo(vm.executedInstructions());
        Program other = prog(mov(R6, R1), lddw(R2, PseudoSource.MAP_FD, 1), mov(R3, 1), call(12), exit());
        jt.set(1, null);
        assertThat(JitProgram.of(other, o).run(new byte[8])).isEqualTo(-Errno.ENOENT);
        jt.set(1, prog(mov(R0, 77), exit()));
        assertThat(JitProgram.of(other, o).run(new byte[8])).isEqualTo(77);
    }
}

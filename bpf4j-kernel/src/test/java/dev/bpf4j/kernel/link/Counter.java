package dev.bpf4j.kernel.link;

import dev.bpf4j.asm.ProgramBuilder;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import static dev.bpf4j.isa.Reg.R0;
import static dev.bpf4j.isa.Reg.R1;
import static dev.bpf4j.isa.Reg.R2;
import static dev.bpf4j.isa.Reg.R10;

/** A one-slot array map and a program that adds 1 to it each time it runs and returns a fixed value. */
final class Counter implements AutoCloseable {
    final BpfMap map;
    final BpfProgram program;

    private Counter(BpfMap map, BpfProgram program) {
        this.map = map;
        this.program = program;
    }

    /** The counting program: {@code counts[0] += 1; return ret}. */
    static Program counting(int ret) {
        return ProgramBuilder.build(b -> b
                .st(MemSize.W, R10, -4, 0)
                .mov64(R2, R10).add64(R2, -4)
                .ldMap(R1, "t_counts")
                .call(1) // bpf_map_lookup_elem
                .jeq(R0, 0, "out")
                .mov64(R1, 1)
                .atomicAdd64(R0, 0, R1)
                .label("out")
                .mov64(R0, ret)
                .exit());
    }

    static Counter load(ProgramType type, AttachType expected, int ret) {
        return load(ProgramSpec.of("t_count", type, counting(ret)).withExpectedAttachType(expected));
    }

    static Counter load(ProgramSpec spec) {
        BpfMap map = BpfMap.create(MapSpec.of("t_counts", MapType.ARRAY, 4, 8, 1));
        try {
            return new Counter(map, BpfProgram.load(spec, Map.of("t_counts", map), LoadOptions.DEFAULT));
        } catch (RuntimeException e) {
            map.close();
            throw e;
        }
    }

    long count() {
        byte[] v = map.lookup(new byte[4]).orElseThrow();
        return ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override
    public void close() {
        program.close();
        map.close();
    }
}

package dev.bpf4j.kernel.link;

import dev.bpf4j.asm.ProgramBuilder;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.KernelObjects;
import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.bpf4j.isa.Reg.R0;
import static dev.bpf4j.isa.Reg.R1;
import static dev.bpf4j.isa.Reg.R2;
import static dev.bpf4j.isa.Reg.R3;
import static dev.bpf4j.isa.Reg.R6;
import static dev.bpf4j.isa.Reg.R7;
import static dev.bpf4j.isa.Reg.R10;
import static org.assertj.core.api.Assertions.assertThat;

@KernelTest
class IterKernelTest {

    /** For each map: {@code bpf_seq_write(ctx->meta->seq, "map\n", 4)}. */
    static Program writesALinePerMap() {
        return writesPerObject(0x0a70616d);
    }

    /**
     * For each object (ctx->meta at 0, the object at 8, as in {@code bpf_iter__bpf_map} and
     * {@code bpf_iter__task}): write the 4 bytes of {@code text}, little-endian.
     */
    static Program writesPerObject(int text) {
        return ProgramBuilder.build(b -> b
                .ldx(MemSize.DW, R6, R1, 0) // ctx->meta
                .ldx(MemSize.DW, R7, R1, 8) // ctx->map, NULL on the final call
                .jeq(R7, 0, "out")
                .ldx(MemSize.DW, R1, R6, 0) // meta->seq
                .st(MemSize.W, R10, -8, text)
                .mov64(R2, R10).add64(R2, -8)
                .mov64(R3, 4)
                .call(127) // bpf_seq_write
                .label("out")
                .mov64(R0, 0)
                .exit());
    }

    @Test
    void bpfMapIteratorWritesALinePerMap() {
        try (BpfMap extra = BpfMap.create(MapSpec.of("t_iter_extra", MapType.ARRAY, 4, 8, 1));
             BpfProgram prog = BpfProgram.load(Iter.spec("t_iter", "bpf_map", writesALinePerMap()), LoadOptions.DEFAULT);
             BpfLink link = Iter.attach(prog)) {
            assertThat(link.id()).isPositive();
            assertThat(extra.isClosed()).isFalse(); // a map the iterator must visit
            String text = new String(Iter.read(link), StandardCharsets.US_ASCII);
            long lines = text.chars().filter(ch -> ch == '\n').count();
            assertThat(text).startsWith("map\n");
            assertThat(lines).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(KernelObjects.mapIds().size());
            assertThat(Iter.read(link)).hasSize(text.length()); // each read walks again
        }
    }

    @Test
    void taskIteratorWritesALinePerTask() throws Exception {
        long processes;
        try (var s = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            processes = s.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).count();
        }
        try (BpfProgram prog = BpfProgram.load(Iter.spec("t_iter_task", "task", writesPerObject(0x0a6b7374)),
                LoadOptions.DEFAULT);
             BpfLink link = Iter.attach(prog)) {
            String text = new String(Iter.read(link), StandardCharsets.US_ASCII);
            assertThat(text).startsWith("tsk\n");
            // Every process (and, on this kernel, every thread) once; processes come and go meanwhile.
            assertThat(text.length() / 4).isGreaterThanOrEqualTo((int) (processes / 2));
        }
    }
}

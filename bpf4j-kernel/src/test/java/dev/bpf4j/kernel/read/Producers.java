package dev.bpf4j.kernel.read;

import dev.bpf4j.asm.ProgramBuilder;
import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.Reg;

/**
 * XDP programs that produce records when run by BPF_PROG_TEST_RUN (each repeat one run), so readers can
 * be tested without attaching anything. Each takes its sequence number from {@code t_seq}, an array map
 * whose single u64 value it increments atomically.
 */
final class Producers {
    static final int BPF_FUNC_PERF_EVENT_OUTPUT = 25;
    static final int BPF_FUNC_TRACE_PRINTK = 6;
    static final int BPF_FUNC_RINGBUF_OUTPUT = 130;
    static final int BPF_FUNC_RINGBUF_RESERVE = 131;
    static final int BPF_FUNC_RINGBUF_SUBMIT = 132;
    static final int BPF_FUNC_RINGBUF_DISCARD = 133;
    /** {@code BPF_F_CURRENT_CPU}. */
    static final long CURRENT_CPU = 0xffffffffL;

    private Producers() {
    }

    /** r7 = the next sequence number (fetch-and-add on t_seq). Clobbers r1, r6. */
    private static void nextSeq(ProgramBuilder b) {
        b.ldMapValue(Reg.R6, "t_seq", 0);
        b.mov64(Reg.R7, 1);
        b.atomic(AtomicOp.ADD, true, MemSize.DW, Reg.R6, 0, Reg.R7);
    }

    /**
     * bpf_ringbuf_output of {@code words} u64s to {@code t_rb}: seq, then seq*3 repeated; each failed
     * output (ring full) is counted in {@code t_drops}, an array map with one u64.
     */
    static Program ringbufOutput(int words) {
        return ProgramBuilder.build(b -> {
            nextSeq(b);
            b.stx(MemSize.DW, Reg.R10, -8 * words, Reg.R7);
            b.mul64(Reg.R7, 3);
            for (int i = 1; i < words; i++) {
                b.stx(MemSize.DW, Reg.R10, -8 * words + 8 * i, Reg.R7);
            }
            b.ldMap(Reg.R1, "t_rb");
            b.mov64(Reg.R2, Reg.R10);
            b.add64(Reg.R2, -8 * words);
            b.mov64(Reg.R3, 8 * words);
            b.mov64(Reg.R4, 0);
            b.call(BPF_FUNC_RINGBUF_OUTPUT);
            b.jeq(Reg.R0, 0, "out");
            b.ldMapValue(Reg.R6, "t_drops", 0);
            b.mov64(Reg.R1, 1);
            b.atomic(AtomicOp.ADD, false, MemSize.DW, Reg.R6, 0, Reg.R1);
            b.label("out");
            b.mov64(Reg.R0, 2); // XDP_PASS
            b.exit();
        });
    }

    /** bpf_ringbuf_reserve of 8 bytes in {@code t_rb}, the seq written, then submit if even, discard if odd. */
    static Program reserveDiscardOdd() {
        return ProgramBuilder.build(b -> {
            nextSeq(b);
            b.ldMap(Reg.R1, "t_rb");
            b.mov64(Reg.R2, 8);
            b.mov64(Reg.R3, 0);
            b.call(BPF_FUNC_RINGBUF_RESERVE);
            b.jeq(Reg.R0, 0, "out");
            b.stx(MemSize.DW, Reg.R0, 0, Reg.R7);
            b.mov64(Reg.R1, Reg.R0);
            b.mov64(Reg.R2, 0);
            b.and64(Reg.R7, 1);
            b.jne(Reg.R7, 0, "odd");
            b.call(BPF_FUNC_RINGBUF_SUBMIT);
            b.ja("out");
            b.label("odd");
            b.call(BPF_FUNC_RINGBUF_DISCARD);
            b.label("out");
            b.mov64(Reg.R0, 2);
            b.exit();
        });
    }

    /** bpf_perf_event_output(ctx, t_perf, CURRENT_CPU, &{seq, seq*3, ...}, 8 * words) from XDP. */
    static Program perfOutput(int words) {
        return ProgramBuilder.build(b -> {
            b.mov64(Reg.R8, Reg.R1);
            nextSeq(b);
            b.stx(MemSize.DW, Reg.R10, -8 * words, Reg.R7);
            b.mul64(Reg.R7, 3);
            for (int i = 1; i < words; i++) {
                b.stx(MemSize.DW, Reg.R10, -8 * words + 8 * i, Reg.R7);
            }
            b.mov64(Reg.R1, Reg.R8);
            b.ldMap(Reg.R2, "t_perf");
            b.lddw(Reg.R3, CURRENT_CPU);
            b.mov64(Reg.R4, Reg.R10);
            b.add64(Reg.R4, -8 * words);
            b.mov64(Reg.R5, 8 * words);
            b.call(BPF_FUNC_PERF_EVENT_OUTPUT);
            b.mov64(Reg.R0, 2);
            b.exit();
        });
    }

    /** bpf_trace_printk("bpf4j seq=%d\n", seq). */
    static Program tracePrintk() {
        return ProgramBuilder.build(b -> {
            nextSeq(b);
            byte[] fmt = "bpf4j seq=%d\n\0\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII); // 16 bytes
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(fmt).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.lddw(Reg.R1, buf.getLong(0));
            b.stx(MemSize.DW, Reg.R10, -16, Reg.R1);
            b.lddw(Reg.R1, buf.getLong(8));
            b.stx(MemSize.DW, Reg.R10, -8, Reg.R1);
            b.mov64(Reg.R1, Reg.R10);
            b.add64(Reg.R1, -16);
            b.mov64(Reg.R2, 14); // "bpf4j seq=%d\n" and its NUL
            b.mov64(Reg.R3, Reg.R7);
            b.call(BPF_FUNC_TRACE_PRINTK);
            b.mov64(Reg.R0, 2);
            b.exit();
        });
    }
}

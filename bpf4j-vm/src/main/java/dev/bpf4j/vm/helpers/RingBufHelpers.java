package dev.bpf4j.vm.helpers;

import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.maps.Errno;
import dev.bpf4j.vm.maps.RingBufMap;
import dev.bpf4j.vm.maps.VmMap;

/**
 * The ring buffer helpers: {@code bpf_ringbuf_output} (130), {@code bpf_ringbuf_reserve} (131),
 * {@code bpf_ringbuf_submit} (132) and {@code bpf_ringbuf_discard} (133). A reserved record is a region of
 * its own; submitting or discarding unmaps it, so a program that keeps writing faults instead of changing a
 * record the consumer may already read.
 */
final class RingBufHelpers {
    private RingBufHelpers() {
    }

    static HelperRegistry register(HelperRegistry r) {
        return r.with(130, "ringbuf_output", RingBufHelpers::output)
                .with(131, "ringbuf_reserve", RingBufHelpers::reserve)
                .with(132, "ringbuf_submit", (ctx, p, f, a, b, c) -> finish(ctx, p, true))
                .with(133, "ringbuf_discard", (ctx, p, f, a, b, c) -> finish(ctx, p, false));
    }

    private static RingBufMap ring(HelperContext ctx, long handle) {
        VmMap map = ctx.map(handle);
        if (map instanceof RingBufMap ring) {
            return ring;
        }
        throw new VmException(ctx.pc(), "map " + map.spec().name() + " is a " + map.spec().type()
                + ", not a ring buffer");
    }

    private static long output(HelperContext ctx, long m, long data, long size, long flags, long r5) {
        RingBufMap ring = ring(ctx, m);
        if (size < 0 || size > Integer.MAX_VALUE) {
            return -Errno.EINVAL;
        }
        return ring.output(ctx.memory().read(data, (int) size, ctx.pc()));
    }

    private static long reserve(HelperContext ctx, long m, long size, long flags, long r4, long r5) {
        RingBufMap ring = ring(ctx, m);
        if (flags != 0 || size <= 0 || size > Integer.MAX_VALUE) {
            return 0;
        }
        byte[] record = ring.reserve((int) size);
        return record == null ? 0 : ctx.memory().addressOf(record, "ring buffer record of map " + ring.spec().name());
    }

    private static long finish(HelperContext ctx, long pointer, boolean submit) {
        byte[] record = (int) pointer == 0 ? ctx.memory().regionArray(pointer) : null;
        for (VmMap map : ctx.maps()) {
            if (map instanceof RingBufMap ring && record != null
                    && (submit ? ring.submit(record) : ring.discard(record))) {
                ctx.memory().unmap(record);
                return 0;
            }
        }
        throw new VmException(ctx.pc(), String.format("0x%x is not a reserved ring buffer record", pointer));
    }

}

package dev.bpf4j.vm.helpers;

import dev.bpf4j.vm.maps.Errno;
import java.nio.charset.StandardCharsets;

/**
 * The helpers about time, randomness, the CPU and the current task, answered for the JVM process:
 * {@code bpf_probe_read} (4), {@code bpf_ktime_get_ns} (5, monotonic, never 0), {@code bpf_get_prandom_u32}
 * (7), {@code bpf_get_smp_processor_id} (8), {@code bpf_tail_call} (12), {@code bpf_get_current_pid_tgid}
 * (14: the JVM's pid in both halves), {@code bpf_get_current_comm} (16: {@code "java"}) and
 * {@code bpf_ktime_get_boot_ns} (125).
 */
final class SystemHelpers {
    private SystemHelpers() {
    }

    static HelperRegistry register(HelperRegistry r) {
        return r.with(4, "probe_read", SystemHelpers::probeRead)
                .with(5, "ktime_get_ns", (ctx, a, b, c, d, e) -> now())
                .with(7, "get_prandom_u32", (ctx, a, b, c, d, e) -> ctx.random().nextInt() & 0xffffffffL)
                .with(8, "get_smp_processor_id", (ctx, a, b, c, d, e) -> ctx.cpu())
                .with(12, "tail_call", (ctx, c, map, index, d, e) -> ctx.tailCall(ctx.map(map), index))
                .with(14, "get_current_pid_tgid", (ctx, a, b, c, d, e) -> {
                    long pid = ProcessHandle.current().pid();
                    return pid << 32 | (pid & 0xffffffffL);
                })
                .with(16, "get_current_comm", SystemHelpers::comm)
                .with(125, "ktime_get_boot_ns", (ctx, a, b, c, d, e) -> now());
    }

    /** Monotonic nanoseconds, never 0 (programs use 0 as "not set"). */
    private static long now() {
        long t = System.nanoTime();
        return t == 0 ? 1 : t;
    }

    /** Copies {@code size} bytes; on a bad source zero-fills the destination and returns -EFAULT, as the kernel. */
    private static long probeRead(HelperContext ctx, long dst, long size, long src, long r4, long r5) {
        if (size < 0 || size > Integer.MAX_VALUE) {
            return -Errno.EINVAL;
        }
        ctx.memory().check(dst, (int) size, true, ctx.pc());
        if (size > 0 && ctx.memory().region(src, (int) size) == null) {
            ctx.memory().write(dst, new byte[(int) size], ctx.pc());
            return -Errno.EFAULT;
        }
        ctx.memory().write(dst, ctx.memory().read(src, (int) size, ctx.pc()), ctx.pc());
        return 0;
    }

    private static long comm(HelperContext ctx, long buf, long size, long r3, long r4, long r5) {
        if (size <= 0 || size > Integer.MAX_VALUE) {
            return -Errno.EINVAL;
        }
        ctx.memory().check(buf, (int) size, true, ctx.pc());
        byte[] out = new byte[(int) size];
        byte[] name = "java".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, out, 0, Math.min(name.length, out.length - 1));
        ctx.memory().write(buf, out, ctx.pc());
        return 0;
    }
}

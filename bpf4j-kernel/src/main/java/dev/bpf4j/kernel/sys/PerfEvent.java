package dev.bpf4j.kernel.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * perf_event_open(2) with the {@code struct perf_event_attr} layout of Linux 6.18 (136 bytes,
 * {@code PERF_ATTR_SIZE_VER8}): the fields bpf4j sets and the flag bits it uses, at the offsets of the
 * kernel's BTF. Perf events carry BPF programs (tracepoints, uprobes, sampling) and feed perf buffers.
 */
public final class PerfEvent {
    /** {@code sizeof(struct perf_event_attr)} on Linux 6.18. */
    public static final int ATTR_SIZE = 136;
    /** Offset of {@code type}. */
    public static final int TYPE = 0;
    /** Offset of {@code size}. */
    public static final int SIZE = 4;
    /** Offset of {@code config}. */
    public static final int CONFIG = 8;
    /** Offset of {@code sample_period} / {@code sample_freq}. */
    public static final int SAMPLE_PERIOD = 16;
    /** Offset of {@code sample_type}. */
    public static final int SAMPLE_TYPE = 24;
    /** Offset of the 64-bit word holding the flag bits ({@code disabled} is bit 0). */
    public static final int FLAGS = 40;
    /** Offset of {@code wakeup_events}. */
    public static final int WAKEUP_EVENTS = 48;
    /** Offset of {@code config1} (kprobe_func, uprobe_path). */
    public static final int CONFIG1 = 56;
    /** Offset of {@code config2} (probe_offset). */
    public static final int CONFIG2 = 64;

    /** Flag bit: start disabled. */
    public static final long FLAG_DISABLED = 1L;
    /** Flag bit: count in children too. */
    public static final long FLAG_INHERIT = 1L << 1;
    /** Flag bit: {@code freq}: sample_period is a frequency. */
    public static final long FLAG_FREQ = 1L << 10;

    /** {@code PERF_TYPE_SOFTWARE}. */
    public static final int TYPE_SOFTWARE = 1;
    /** {@code PERF_TYPE_TRACEPOINT}. */
    public static final int TYPE_TRACEPOINT = 2;
    /** {@code PERF_COUNT_SW_CPU_CLOCK}. */
    public static final int SW_CPU_CLOCK = 0;
    /** {@code PERF_COUNT_SW_BPF_OUTPUT}: the event perf buffers read. */
    public static final int SW_BPF_OUTPUT = 10;
    /** {@code PERF_FLAG_FD_CLOEXEC}. */
    public static final long FLAG_FD_CLOEXEC = 1L << 3;

    /** {@code PERF_SAMPLE_RAW}: samples carry the raw bytes a BPF program output. */
    public static final long SAMPLE_RAW = 1L << 10;
    /** {@code PERF_EVENT_IOC_ENABLE}. */
    public static final long IOC_ENABLE = 0x2400;
    /** {@code PERF_EVENT_IOC_DISABLE}. */
    public static final long IOC_DISABLE = 0x2401;

    private PerfEvent() {
    }

    /** Encodes an attr: type, config, sample period, flag bits; size set to {@link #ATTR_SIZE}. */
    public static byte[] attr(int type, long config, long samplePeriod, long flagBits) {
        byte[] bytes = new byte[ATTR_SIZE];
        MemorySegment a = MemorySegment.ofArray(bytes);
        a.set(ValueLayout.JAVA_INT_UNALIGNED, TYPE, type);
        a.set(ValueLayout.JAVA_INT_UNALIGNED, SIZE, ATTR_SIZE);
        a.set(ValueLayout.JAVA_LONG_UNALIGNED, CONFIG, config);
        a.set(ValueLayout.JAVA_LONG_UNALIGNED, SAMPLE_PERIOD, samplePeriod);
        a.set(ValueLayout.JAVA_LONG_UNALIGNED, FLAGS, flagBits);
        return bytes;
    }

    /**
     * The attr of a perf buffer's event: software {@code BPF_OUTPUT}, one sample per output carrying the
     * raw bytes, and a wakeup (epoll readiness) for every sample.
     */
    public static byte[] bpfOutputAttr() {
        byte[] bytes = attr(TYPE_SOFTWARE, SW_BPF_OUTPUT, 1, 0);
        MemorySegment a = MemorySegment.ofArray(bytes);
        a.set(ValueLayout.JAVA_LONG_UNALIGNED, SAMPLE_TYPE, SAMPLE_RAW);
        a.set(ValueLayout.JAVA_INT_UNALIGNED, WAKEUP_EVENTS, 1);
        return bytes;
    }

    /**
     * {@code perf_event_open(attr, pid, cpu, groupFd, flags)}: a new fd.
     *
     * @throws dev.bpf4j.kernel.SyscallException named {@code perf_event_open}
     */
    public static int open(byte[] attr, int pid, int cpu, int groupFd, long flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(attr.length, 8);
            MemorySegment.copy(attr, 0, a, ValueLayout.JAVA_BYTE, 0, attr.length);
            return (int) Native.check("perf_event_open",
                    Native.syscall(Native.SYS_PERF_EVENT_OPEN, a.address(), pid, cpu, groupFd, flags, 0));
        }
    }
}

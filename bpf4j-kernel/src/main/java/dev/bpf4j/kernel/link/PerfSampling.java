package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.NotSupportedException;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.LinkCalls;
import dev.bpf4j.kernel.sys.Native;
import dev.bpf4j.kernel.sys.PerfEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sampling perf events carrying a PERF_EVENT program: one event per online CPU, firing at a frequency
 * (samples per second) for profilers. The software {@code cpu-clock} event works everywhere; hardware
 * events (cycles, instructions) need a hardware PMU, which virtual machines such as the 6.18 test
 * machines lack, and fail with a {@link NotSupportedException}.
 */
public final class PerfSampling {
    /** {@code PERF_TYPE_HARDWARE}. */
    public static final int TYPE_HARDWARE = 0;
    /** {@code PERF_COUNT_HW_CPU_CYCLES}. */
    public static final int HW_CPU_CYCLES = 0;
    /** {@code PERF_COUNT_HW_INSTRUCTIONS}. */
    public static final int HW_INSTRUCTIONS = 1;

    private PerfSampling() {
    }

    /** Samples the software cpu-clock on every online CPU {@code frequency} times a second. */
    public static PerfEventLink cpuClock(BpfProgram program, long frequency) {
        return attach(program, PerfEvent.TYPE_SOFTWARE, PerfEvent.SW_CPU_CLOCK, frequency, "cpu-clock");
    }

    /**
     * Samples hardware event {@code config} ({@link #HW_CPU_CYCLES}, ...) on every online CPU.
     *
     * @throws NotSupportedException when the machine has no hardware PMU
     */
    public static PerfEventLink hardware(BpfProgram program, int config, long frequency) {
        return attach(program, TYPE_HARDWARE, config, frequency, "hardware event " + config);
    }

    private static PerfEventLink attach(BpfProgram program, int type, long config, long frequency, String name) {
        Attach.requireType(program, "a sampling perf event", ProgramType.PERF_EVENT);
        if (frequency <= 0) {
            throw new IllegalArgumentException("sampling frequency must be positive, not " + frequency);
        }
        String what = name + " sampling at " + frequency + " Hz";
        byte[] attr = PerfEvent.attr(type, config, frequency, PerfEvent.FLAG_DISABLED | PerfEvent.FLAG_FREQ);
        List<Integer> fds = new ArrayList<>();
        try {
            for (int cpu : onlineCpus()) {
                int fd = LinkCalls.openPerfEvent(attr, -1, cpu);
                if (fd < 0) {
                    if (type == TYPE_HARDWARE && (fd == -2 || fd == -95)) {
                        throw new NotSupportedException("hardware perf events", "this machine has no hardware PMU "
                                + "(perf_event_open: " + dev.bpf4j.kernel.sys.Errno.describe(-fd)
                                + "; virtual machines often expose none): sample the software cpu-clock instead");
                    }
                    throw new SyscallException("perf_event_open", -fd, what + " on CPU " + cpu);
                }
                fds.add(fd);
            }
        } catch (RuntimeException e) {
            fds.forEach(Native::close);
            throw e;
        }
        return PerfEventLink.attach(program.fd(), fds, what, null);
    }

    /** The online CPUs, from {@code /sys/devices/system/cpu/online} (e.g. {@code 0-3,6}). */
    public static List<Integer> onlineCpus() {
        String spec;
        try {
            spec = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read /sys/devices/system/cpu/online", e);
        }
        return parseCpuList(spec);
    }

    /** Parses a kernel CPU list like {@code 0-3,6}. */
    static List<Integer> parseCpuList(String spec) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? part.trim() : part.substring(0, dash).trim());
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).trim());
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }
}

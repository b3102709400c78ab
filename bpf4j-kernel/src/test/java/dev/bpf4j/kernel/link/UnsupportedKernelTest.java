package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.NotSupportedException;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The attach kinds the 6.18 test machines lack fail with messages naming what is missing. */
@KernelTest
class UnsupportedKernelTest {

    @Test
    void kprobesSayTheKernelHasNone() {
        Assumptions.assumeFalse(Kprobe.isSupported(), "this kernel has kprobes");
        try (Counter c = Counter.load(ProgramType.KPROBE, null, 0)) {
            assertThatThrownBy(() -> Kprobe.attach(c.program, "do_sys_openat2", 0, false))
                    .isInstanceOf(NotSupportedException.class)
                    .hasMessage("kprobes not supported: this kernel has no kprobe support (CONFIG_KPROBES is off: "
                            + "no /sys/bus/event_source/devices/kprobe)");
            assertThatThrownBy(() -> Kprobe.attach(c.program, "do_sys_openat2", 0, true))
                    .isInstanceOf(NotSupportedException.class).hasMessageStartingWith("kretprobes not supported");
        }
    }

    @Test
    void fentryAndFexitLoadsAreRefused() {
        for (boolean exit : new boolean[] {false, true}) {
            ProgramSpec spec = Fentry.spec("t_fentry", "do_sys_openat2", exit, Counter.counting(0));
            assertThat(spec.attachBtfId()).isPositive();
            NotSupportedException e = org.junit.jupiter.api.Assertions.assertThrows(NotSupportedException.class,
                    () -> Counter.load(spec).close());
            assertThat(e.getMessage()).startsWith(exit ? "fexit programs not supported" : "fentry programs not supported")
                    .contains("EPERM");
        }
    }

    @Test
    void lsmLoadsAreRefused() {
        ProgramSpec spec = Lsm.spec("t_lsm", "file_open", dev.bpf4j.isa.Program.of(java.util.List.of(
                new dev.bpf4j.isa.Insn.Alu(true, dev.bpf4j.isa.AluOp.MOV, dev.bpf4j.isa.Reg.R0, new dev.bpf4j.isa.Imm(0)),
                new dev.bpf4j.isa.Insn.Exit())));
        assertThatThrownBy(() -> BpfProgram.load(spec, LoadOptions.DEFAULT).close())
                .isInstanceOf(NotSupportedException.class).hasMessageStartingWith("LSM programs not supported")
                .hasMessageContaining("EPERM");
    }

    @Test
    void hardwareSamplingSaysThereIsNoPmu() {
        try (Counter c = Counter.load(ProgramType.PERF_EVENT, null, 0)) {
            assertThatThrownBy(() -> PerfSampling.hardware(c.program, PerfSampling.HW_CPU_CYCLES, 1000))
                    .isInstanceOf(NotSupportedException.class).hasMessageStartingWith("hardware perf events not supported");
        }
    }
}

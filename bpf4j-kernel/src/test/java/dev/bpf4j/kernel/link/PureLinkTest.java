package dev.bpf4j.kernel.link;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the link package that need no kernel. */
class PureLinkTest {

    @Test
    void wildcardsMatchLikeAShell() {
        assertThat(Tracefs.glob("sys_enter_*").matcher("sys_enter_openat").matches()).isTrue();
        assertThat(Tracefs.glob("sys_enter_*").matcher("sys_exit_openat").matches()).isFalse();
        assertThat(Tracefs.glob("sched_?witch").matcher("sched_switch").matches()).isTrue();
        assertThat(Tracefs.glob("a.b").matcher("axb").matches()).isFalse();
    }

    @Test
    void parsesKernelCpuLists() {
        assertThat(PerfSampling.parseCpuList("0-3,6\n".trim())).containsExactly(0, 1, 2, 3, 6);
        assertThat(PerfSampling.parseCpuList("0")).containsExactly(0);
    }
}

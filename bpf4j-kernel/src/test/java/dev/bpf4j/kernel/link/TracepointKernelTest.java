package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.sys.LinkCalls;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
class TracepointKernelTest {

    @Test
    void tracefsListsSyscallTracepointsWithWildcards() {
        assertThat(Tracefs.list("syscalls:sys_enter_getp*"))
                .extracting(Object::toString).contains("syscalls:sys_enter_getpid", "syscalls:sys_enter_getppid");
        assertThat(Tracefs.list("sched_process_e?ec")).extracting(Object::toString).containsExactly("sched:sched_process_exec");
        assertThat(Tracefs.tracepointId("syscalls", "sys_enter_getpid")).isPositive();
        assertThat(Tracefs.format("syscalls", "sys_enter_getpid")).contains("__syscall_nr");
        assertThatThrownBy(() -> Tracefs.tracepointId("syscalls", "sys_enter_nothing"))
                .hasMessageContaining("no tracepoint syscalls:sys_enter_nothing");
    }

    @Test
    void tracepointCountsGetpidCalls() {
        try (Counter c = Counter.load(ProgramType.TRACEPOINT, null, 0)) {
            PerfEventLink link = Tracepoint.attach(c.program, "syscalls", "sys_enter_getpid");
            try (link) {
                assertThat(link.usesBpfLinks()).isTrue();
                assertThat(link.id()).isPositive();
                for (int i = 0; i < 50; i++) {
                    LinkCalls.getpid();
                }
                assertThat(c.count()).isGreaterThanOrEqualTo(50);
            }
            assertThat(link.isClosed()).isTrue();
            link.close(); // idempotent
            long after = c.count();
            LinkCalls.getpid();
            assertThat(c.count()).isEqualTo(after);
        }
    }

    @Test
    void schedProcessExecCountsExecs() throws Exception {
        try (Counter c = Counter.load(ProgramType.TRACEPOINT, null, 0);
             PerfEventLink link = Tracepoint.attach(c.program, "sched", "sched_process_exec")) {
            assertThat(link.description()).isEqualTo("tracepoint sched:sched_process_exec");
            for (int i = 0; i < 3; i++) {
                assertThat(new ProcessBuilder("/bin/true").start().waitFor()).isZero();
            }
            assertThat(c.count()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void tracepointThroughTheOlderIoctlAlsoCounts() {
        try (Counter c = Counter.load(ProgramType.TRACEPOINT, null, 0);
             PerfEventLink link = Tracepoint.attach(c.program, "syscalls", "sys_enter_getppid", true)) {
            assertThat(link.usesBpfLinks()).isFalse();
            assertThat(link.id()).isZero();
            for (int i = 0; i < 10; i++) {
                LinkCalls.getppid();
            }
            assertThat(c.count()).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void manyTracepointLinksCloseConcurrently() {
        java.util.List<Tracefs.TracepointName> names = Tracefs.list("syscalls:sys_enter_get*");
        assertThat(names.size()).isGreaterThan(8);
        try (Counter c = Counter.load(ProgramType.TRACEPOINT, null, 0)) {
            java.util.List<PerfEventLink> links = new java.util.ArrayList<>();
            try {
                for (Tracefs.TracepointName n : names) {
                    links.add(Tracepoint.attach(c.program, n.category(), n.name()));
                }
                LinkCalls.getpid();
                assertThat(c.count()).isPositive();
            } finally {
                long start = System.nanoTime();
                Links.closeAll(links);
                long millis = (System.nanoTime() - start) / 1_000_000;
                // One by one this costs about 80 ms per link here; together about one grace period.
                assertThat(millis).as("closing %d links took %d ms", links.size(), millis)
                        .isLessThan(80L * links.size());
            }
            assertThat(links).allMatch(Link::isClosed);
        }
    }

    @Test
    void tracepointNeedsATracepointProgram() {
        try (Counter c = Counter.load(ProgramType.SOCKET_FILTER, null, 0)) {
            assertThatThrownBy(() -> Tracepoint.attach(c.program, "syscalls", "sys_enter_getpid"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRACEPOINT");
        }
    }
}

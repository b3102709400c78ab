package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.LinkCalls;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
class RawTracepointKernelTest {

    @Test
    void rawTracepointCountsSyscalls() {
        try (Counter c = Counter.load(ProgramType.RAW_TRACEPOINT, null, 0)) {
            BpfLink link = RawTracepoint.attach(c.program, "sys_enter");
            try (link) {
                assertThat(link.id()).isPositive();
                assertThat(link.linkType()).isEqualTo(1); // BPF_LINK_TYPE_RAW_TRACEPOINT
                for (int i = 0; i < 20; i++) {
                    LinkCalls.getpid();
                }
                assertThat(c.count()).isGreaterThanOrEqualTo(20);
            }
            link.close();
            assertThat(link.isClosed()).isTrue();
        }
    }

    @Test
    void pinnedLinkOutlivesItsFdUntilUnpinned() {
        String dir = dev.bpf4j.kernel.BpfFs.ensureMounted();
        String pin = dir + "/bpf4j_test_link_" + ProcessHandle.current().pid();
        try (Counter c = Counter.load(ProgramType.RAW_TRACEPOINT, null, 0)) {
            try (BpfLink link = RawTracepoint.attach(c.program, "sys_enter")) {
                link.pin(pin);
            }
            try {
                long before = c.count();
                LinkCalls.getpid();
                assertThat(c.count()).as("the pin keeps the program attached").isGreaterThan(before);
            } finally {
                dev.bpf4j.kernel.BpfFs.unpin(pin);
            }
        }
    }

    @Test
    void unknownRawTracepointIsNamed() {
        try (Counter c = Counter.load(ProgramType.RAW_TRACEPOINT, null, 0)) {
            assertThatThrownBy(() -> RawTracepoint.attach(c.program, "no_such_tracepoint"))
                    .isInstanceOf(SyscallException.class).hasMessageContaining("raw tracepoint no_such_tracepoint");
        }
    }

    @Test
    void tpBtfCountsSyscalls() {
        try (Counter c = Counter.load(TpBtf.spec("t_tpbtf", "sys_enter", Counter.counting(0)));
             BpfLink link = TpBtf.attach(c.program)) {
            assertThat(link.id()).isPositive();
            for (int i = 0; i < 20; i++) {
                LinkCalls.getpid();
            }
            assertThat(c.count()).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void tpBtfOfAnUnknownTracepointSaysWhatWasMissing() {
        assertThatThrownBy(() -> TpBtf.btfId("no_such_tracepoint"))
                .hasMessageContaining("btf_trace_no_such_tracepoint");
    }
}

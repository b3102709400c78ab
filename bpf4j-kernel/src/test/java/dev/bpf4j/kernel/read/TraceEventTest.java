package dev.bpf4j.kernel.read;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceEventTest {
    @Test
    void parsesAModernLine() {
        TraceEvent e = TraceEvent.parse(
                "            java-4242    [003] d..31  1234.567890: bpf_trace_printk: bpf4j seq=7\n").orElseThrow();
        assertThat(e).isEqualTo(new TraceEvent("java", 4242, 3, "d..31", 1234.567890, "bpf4j seq=7"));
    }

    @Test
    void keepsDashesAndSpacesInTheTaskName() {
        TraceEvent e = TraceEvent.parse(" kworker/u8:2-ev-120     [000] ....1 99.000001: bpf_trace_printk: x: y")
                .orElseThrow();
        assertThat(e.task()).isEqualTo("kworker/u8:2-ev");
        assertThat(e.pid()).isEqualTo(120);
        assertThat(e.message()).isEqualTo("x: y");
        TraceEvent spaced = TraceEvent.parse("  Web Content-77  [001] .N... 5.5: bpf_trace_printk: hi").orElseThrow();
        assertThat(spaced.task()).isEqualTo("Web Content");
        assertThat(spaced.flags()).isEqualTo(".N...");
    }

    @Test
    void parsesOlderLinesWithoutFlagsAndLinesWithATgid() {
        assertThat(TraceEvent.parse("           <...>-1234  [001]  1.000002: 0x00000001: old"))
                .contains(new TraceEvent("<...>", 1234, 1, "", 1.000002, "old"));
        assertThat(TraceEvent.parse("            bash-5 (    5) [002] d... 3.25: bpf_trace_printk: t"))
                .contains(new TraceEvent("bash", 5, 2, "d...", 3.25, "t"));
    }

    @Test
    void anEmptyMessageIsEmpty() {
        assertThat(TraceEvent.parse("  sh-9 [000] ..... 1.5: bpf_trace_printk: ").orElseThrow().message()).isEmpty();
    }

    @Test
    void skipsLostNoticesAndGarbage() {
        assertThat(TraceEvent.parse("CPU:2 [LOST 14 EVENTS]")).isEmpty();
        assertThat(TraceEvent.parse("")).isEmpty();
        assertThat(TraceEvent.parse("no fields here")).isEmpty();
        assertThat(TraceEvent.parse("  sh-99999999999 [000] ..... 1.5: e: m")).isEmpty();
    }
}

package dev.bpf4j.kernel.sys;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

class BpfOutputAttrTest {
    @Test
    void aPerfBufferEventIsASoftwareBpfOutputWithRawSamplesAndAWakeupPerSample() {
        ByteBuffer a = ByteBuffer.wrap(PerfEvent.bpfOutputAttr()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(a.capacity()).isEqualTo(136);
        assertThat(a.getInt(0)).isEqualTo(1);          // PERF_TYPE_SOFTWARE
        assertThat(a.getInt(4)).isEqualTo(136);        // size
        assertThat(a.getLong(8)).isEqualTo(10);        // PERF_COUNT_SW_BPF_OUTPUT
        assertThat(a.getLong(16)).isEqualTo(1);        // sample_period
        assertThat(a.getLong(24)).isEqualTo(1L << 10); // PERF_SAMPLE_RAW
        assertThat(a.getLong(40)).isZero();            // enabled at once, no other flag bits
        assertThat(a.getInt(48)).isEqualTo(1);         // wakeup_events
    }
}

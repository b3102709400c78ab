package dev.bpf4j.kernel.sys;

import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.KernelObjects;
import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.LoadedBtf;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.UpdateFlag;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
class SysKernelTest {
    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    @Test
    void perfEventFdsGoIntoAPerfEventArray() {
        byte[] attr = PerfEvent.attr(PerfEvent.TYPE_SOFTWARE, PerfEvent.SW_CPU_CLOCK, 0, PerfEvent.FLAG_DISABLED);
        int perf = PerfEvent.open(attr, 0, -1, -1, PerfEvent.FLAG_FD_CLOEXEC);
        try (BpfMap events = BpfMap.create(MapSpec.of("t_perf", MapType.PERF_EVENT_ARRAY, 4, 4, 2))) {
            events.update(u32(0), u32(perf), UpdateFlag.ANY);
            assertThat(events.delete(u32(0))).isTrue();
        } finally {
            assertThat(Native.close(perf)).isZero();
        }
    }

    @Test
    void perfEventOpenErrorsAreNamed() {
        byte[] attr = PerfEvent.attr(0x7fff, 0, 0, 0);
        assertThatThrownBy(() -> PerfEvent.open(attr, 0, -1, -1, 0)).isInstanceOf(SyscallException.class)
                .hasMessageStartingWith("perf_event_open: ");
    }

    @Test
    void aRingBufferMapsItsPositionsAndPollsQuietWhenEmpty() {
        try (BpfMap ring = BpfMap.create(MapSpec.of("t_ringmm", MapType.RINGBUF, 0, 0, 4096 * 2));
             Arena arena = Arena.ofConfined()) {
            // Consumer page (read-write), then the producer page (read-only), as the ring buffer ABI lays them out.
            MemorySegment consumer = Native.mmap(arena, 4096, 0x1 | 0x2, 0x01, ring.fd(), 0);
            MemorySegment producer = Native.mmap(arena, 4096, 0x1, 0x01, ring.fd(), 4096);
            try {
                assertThat(consumer.get(ValueLayout.JAVA_LONG, 0)).isZero();
                assertThat(producer.get(ValueLayout.JAVA_LONG, 0)).isZero();
            } finally {
                assertThat(Native.munmap(consumer)).isZero();
                assertThat(Native.munmap(producer)).isZero();
            }
            int ep = Native.epollCreate1(0x80000);
            assertThat(ep).isPositive();
            try {
                assertThat(Native.epollCtl(ep, 1, ring.fd(), 0x1, 77)).isZero();
                long[] ready = new long[4];
                assertThat(Native.epollWait(ep, ready, 0)).isZero();
            } finally {
                Native.close(ep);
            }
        }
    }

    @Test
    void closingABadFdReportsEBADF() {
        assertThat(Native.close(1_000_000)).isEqualTo(-Errno.EBADF);
        assertThat(Errno.describe(Errno.EBADF)).isEqualTo("EBADF (Bad file descriptor)");
    }

    /** A BTF blob with one type, {@code int}: header, one INT type, strings "\0int\0". */
    private static byte[] intBtf(int bits) {
        byte[] strings = "\0int\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + strings.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0xeB9F).put((byte) 1).put((byte) 0).putInt(24).putInt(0).putInt(16).putInt(16)
                .putInt(strings.length);
        b.putInt(1).putInt(1 << 24).putInt(4).putInt((1 << 24) | bits); // signed, `bits` wide
        b.put(strings);
        return b.array();
    }

    @Test
    void btfBlobsLoadAndBadOnesAreExplained() throws InterruptedException {
        try (LoadedBtf btf = LoadedBtf.load(intBtf(32))) {
            assertThat(btf.id()).isPositive();
            assertThat(KernelObjects.btfIds()).contains(btf.id());
        }
        assertThatThrownBy(() -> LoadedBtf.load(intBtf(99))).isInstanceOf(SyscallException.class)
                .hasMessageStartingWith("BPF_BTF_LOAD: EINVAL (Invalid argument): ");
    }
}

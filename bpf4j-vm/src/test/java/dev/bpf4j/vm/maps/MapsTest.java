package dev.bpf4j.vm.maps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each map type's kernel semantics: flags, errors, capacity. */
class MapsTest {
    static byte[] u32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    static byte[] val(int v) {
        return u32(v);
    }

    @Test
    void arrayMap() {
        VmMap m = VmMap.create(MapSpec.of("a", MapType.ARRAY, 4, 4, 2), 1);
        assertThat(m.lookup(u32(1), 0)).containsExactly(0, 0, 0, 0);
        assertThat(m.lookup(u32(2), 0)).isNull();
        assertThat(m.update(u32(1), val(7), VmMap.BPF_ANY, 0)).isZero();
        assertThat(m.update(u32(1), val(8), VmMap.BPF_EXIST, 0)).isZero();
        assertThat(m.lookup(u32(1), 0)).containsExactly(8, 0, 0, 0);
        assertThat(m.update(u32(0), val(1), VmMap.BPF_NOEXIST, 0)).isEqualTo(-Errno.EEXIST);
        assertThat(m.update(u32(2), val(1), VmMap.BPF_ANY, 0)).isEqualTo(-Errno.E2BIG);
        assertThat(m.update(u32(0), val(1), 9, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(m.update(u32(0), new byte[3], 0, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(m.delete(u32(0))).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void hashMap() {
        HashTableMap m = (HashTableMap) VmMap.create(MapSpec.of("h", MapType.HASH, 4, 4, 2), 1);
        assertThat(m.lookup(u32(5), 0)).isNull();
        assertThat(m.update(u32(5), val(1), VmMap.BPF_EXIST, 0)).isEqualTo(-Errno.ENOENT);
        assertThat(m.update(u32(5), val(1), VmMap.BPF_NOEXIST, 0)).isZero();
        byte[] live = m.lookup(u32(5), 0);
        assertThat(m.update(u32(5), val(2), VmMap.BPF_NOEXIST, 0)).isEqualTo(-Errno.EEXIST);
        assertThat(m.update(u32(5), val(3), VmMap.BPF_EXIST, 0)).isZero();
        assertThat(live).containsExactly(3, 0, 0, 0);
        assertThat(m.update(u32(6), val(1), VmMap.BPF_ANY, 0)).isZero();
        assertThat(m.update(u32(7), val(1), VmMap.BPF_ANY, 0)).isEqualTo(-Errno.E2BIG);
        assertThat(m.update(u32(6), val(9), VmMap.BPF_ANY, 0)).isZero();
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.delete(u32(6))).isZero();
        assertThat(m.delete(u32(6))).isEqualTo(-Errno.ENOENT);
        assertThat(m.update(u32(7), val(1), VmMap.BPF_ANY, 0)).isZero();
        assertThat(m.keys()).hasSize(2);
    }

    @Test
    void keysAreCopied() {
        VmMap m = VmMap.create(MapSpec.of("h", MapType.HASH, 4, 4, 2), 1);
        byte[] key = u32(1);
        m.update(key, val(1), 0, 0);
        key[0] = 2;
        assertThat(m.lookup(u32(1), 0)).isNotNull();
        assertThat(m.lookup(u32(2), 0)).isNull();
    }

    @Test
    void perCpuArrayHasOneValuePerCpu() {
        PerCpuArrayMap m = (PerCpuArrayMap) VmMap.create(MapSpec.of("p", MapType.PERCPU_ARRAY, 4, 4, 2), 3);
        assertThat(m.update(u32(1), val(5), 0, 2)).isZero();
        assertThat(m.lookup(u32(1), 2)).containsExactly(5, 0, 0, 0);
        assertThat(m.lookup(u32(1), 0)).containsExactly(0, 0, 0, 0);
        assertThat(m.getAll(1)).hasNumberOfRows(3);
        assertThat(m.update(u32(2), val(5), 0, 0)).isEqualTo(-Errno.E2BIG);
        assertThat(m.update(u32(0), val(5), VmMap.BPF_NOEXIST, 0)).isEqualTo(-Errno.EEXIST);
    }

    @Test
    void perCpuHash() {
        PerCpuHashMap m = (PerCpuHashMap) VmMap.create(MapSpec.of("p", MapType.PERCPU_HASH, 4, 4, 1), 2);
        assertThat(m.update(u32(1), val(5), 0, 1)).isZero();
        assertThat(m.lookup(u32(1), 1)).containsExactly(5, 0, 0, 0);
        assertThat(m.lookup(u32(1), 0)).containsExactly(0, 0, 0, 0);
        assertThat(m.update(u32(1), val(6), VmMap.BPF_NOEXIST, 0)).isEqualTo(-Errno.EEXIST);
        assertThat(m.update(u32(2), val(6), VmMap.BPF_ANY, 0)).isEqualTo(-Errno.E2BIG);
        assertThat(m.update(u32(2), val(6), VmMap.BPF_EXIST, 0)).isEqualTo(-Errno.ENOENT);
        assertThat(m.getAll(u32(1))).hasNumberOfRows(2);
        assertThat(m.delete(u32(1))).isZero();
        assertThat(m.size()).isZero();
    }

    @Test
    void lruEvictsTheLeastRecentlyUsed() {
        HashTableMap m = (HashTableMap) VmMap.create(MapSpec.of("l", MapType.LRU_HASH, 4, 4, 2), 1);
        m.update(u32(1), val(1), 0, 0);
        m.update(u32(2), val(2), 0, 0);
        m.lookup(u32(1), 0);
        assertThat(m.update(u32(3), val(3), 0, 0)).isZero();
        assertThat(m.contains(u32(2))).isFalse();
        assertThat(m.contains(u32(1))).isTrue();
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.update(u32(1), val(1), VmMap.BPF_NOEXIST, 0)).isEqualTo(-Errno.EEXIST);
        assertThat(m.update(u32(9), val(1), VmMap.BPF_EXIST, 0)).isEqualTo(-Errno.ENOENT);
    }

    @Test
    void queueAndStack() {
        VmMap q = VmMap.create(MapSpec.of("q", MapType.QUEUE, 0, 4, 2), 1);
        VmMap s = VmMap.create(MapSpec.of("s", MapType.STACK, 0, 4, 2), 1);
        for (VmMap m : new VmMap[] {q, s}) {
            assertThat(m.pop()).isNull();
            assertThat(m.push(val(1), 0)).isZero();
            assertThat(m.push(val(2), 0)).isZero();
            assertThat(m.push(val(3), 0)).isEqualTo(-Errno.E2BIG);
            assertThat(m.push(val(3), 7)).isEqualTo(-Errno.EINVAL);
            assertThat(m.push(val(3), VmMap.BPF_EXIST)).isZero();
        }
        assertThat(q.peek()).containsExactly(2, 0, 0, 0);
        assertThat(q.pop()).containsExactly(2, 0, 0, 0);
        assertThat(q.pop()).containsExactly(3, 0, 0, 0);
        assertThat(s.pop()).containsExactly(3, 0, 0, 0);
        assertThat(s.peek()).containsExactly(2, 0, 0, 0);
        assertThat(s.pop()).containsExactly(2, 0, 0, 0);
        assertThat(s.pop()).isNull();
    }

    @Test
    void ringBufferReservesSubmitsDiscardsInOrder() {
        RingBufMap rb = (RingBufMap) VmMap.create(new MapSpec("rb", MapType.RINGBUF, 0, 0, 64, 0), 1);
        byte[] a = rb.reserve(10);
        byte[] b = rb.reserve(8);
        assertThat(rb.used()).isEqualTo(24 + 16);
        assertThat(rb.reserve(20)).isNull();
        assertThat(rb.submit(b)).isTrue();
        assertThat(rb.poll()).isNull();
        a[0] = 42;
        assertThat(rb.discard(a)).isTrue();
        assertThat(rb.submit(a)).isFalse();
        assertThat(rb.poll()).isSameAs(b);
        assertThat(rb.used()).isZero();
        assertThat(rb.output(new byte[] {1, 2})).isZero();
        assertThat(rb.poll()).containsExactly(1, 2);
        assertThat(rb.output(new byte[100])).isEqualTo(-Errno.EAGAIN);
    }

    @Test
    void specsAreValidated() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MapSpec.of("x", MapType.ARRAY, 8, 4, 1))
                .hasMessageContaining("4 bytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MapSpec.of("x", MapType.RINGBUF, 0, 0, 100))
                .hasMessageContaining("power-of-two");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MapSpec.of("x", MapType.HASH, 4, 4, 0))
                .hasMessageContaining("max_entries");
    }
}

package dev.bpf4j.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.bpf4j.kernel.Bytes.u32;
import static dev.bpf4j.kernel.Bytes.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
class MapKernelTest {

    @ParameterizedTest
    @EnumSource(value = MapType.class, names = {"HASH", "LRU_HASH"})
    void hashLikeMapsCreateUpdateLookupDeleteIterate(MapType type) {
        try (BpfMap map = BpfMap.create(MapSpec.of("t_" + type.name().toLowerCase(), type, 4, 8, 16))) {
            assertThat(map.lookup(u32(1))).isEmpty();
            for (int k = 1; k <= 5; k++) {
                map.update(u32(k), u64(k * 1000L), UpdateFlag.ANY);
            }
            assertThat(u64(map.lookup(u32(3)).orElseThrow())).isEqualTo(3000L);
            assertThatThrownBy(() -> map.update(u32(3), u64(1), UpdateFlag.NOEXIST))
                    .isInstanceOf(SyscallException.class).hasMessageContaining("EEXIST");
            assertThatThrownBy(() -> map.update(u32(99), u64(1), UpdateFlag.EXIST))
                    .isInstanceOf(SyscallException.class).hasMessageContaining("ENOENT");
            map.update(u32(3), u64(3333), UpdateFlag.EXIST);
            assertThat(u64(map.lookup(u32(3)).orElseThrow())).isEqualTo(3333L);
            assertThat(map.delete(u32(2))).isTrue();
            assertThat(map.delete(u32(2))).isFalse();
            assertThat(keys(map)).containsExactly(1, 3, 4, 5);
        }
    }

    @Test
    void arrayHasEveryIndexAndRejectsDelete() {
        try (BpfMap map = BpfMap.create(MapSpec.of("t_array", MapType.ARRAY, 4, 8, 4))) {
            assertThat(u64(map.lookup(u32(2)).orElseThrow())).isZero();
            map.update(u32(2), u64(-1L), UpdateFlag.ANY);
            assertThat(u64(map.lookup(u32(2)).orElseThrow())).isEqualTo(-1L);
            assertThat(map.lookup(u32(4))).isEmpty();
            assertThat(keys(map)).containsExactly(0, 1, 2, 3);
            assertThatThrownBy(() -> map.delete(u32(1))).isInstanceOf(SyscallException.class)
                    .hasMessageContaining("BPF_MAP_DELETE_ELEM: EINVAL");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MapType.class, names = {"PERCPU_HASH", "PERCPU_ARRAY", "LRU_PERCPU_HASH"})
    void perCpuMapsHoldOneValuePerPossibleCpu(MapType type) {
        int cpus = PossibleCpus.count();
        try (BpfMap map = BpfMap.create(MapSpec.of("t_percpu", type, 4, 4, 8))) {
            List<byte[]> values = new ArrayList<>();
            for (int cpu = 0; cpu < cpus; cpu++) {
                values.add(u32(100 + cpu));
            }
            map.updatePerCpu(u32(1), values, UpdateFlag.ANY);
            List<byte[]> back = map.lookupPerCpu(u32(1)).orElseThrow();
            assertThat(back).hasSize(cpus);
            for (int cpu = 0; cpu < cpus; cpu++) {
                assertThat(u32(back.get(cpu))).isEqualTo(100 + cpu);
            }
            assertThatThrownBy(() -> map.lookup(u32(1))).isInstanceOf(IllegalStateException.class);
            assertThat(keys(map)).contains(1);
            if (type != MapType.PERCPU_ARRAY) {
                assertThat(map.delete(u32(1))).isTrue();
                assertThat(map.lookupPerCpu(u32(1))).isEmpty();
            }
        }
    }

    @Test
    void queueIsFifoAndStackIsLifo() {
        try (BpfMap queue = BpfMap.create(MapSpec.of("t_queue", MapType.QUEUE, 0, 4, 4));
             BpfMap stack = BpfMap.create(MapSpec.of("t_stack", MapType.STACK, 0, 4, 4))) {
            for (int v = 1; v <= 3; v++) {
                queue.push(u32(v), UpdateFlag.ANY);
                stack.push(u32(v), UpdateFlag.ANY);
            }
            assertThat(u32(queue.peek().orElseThrow())).isEqualTo(1);
            assertThat(u32(stack.peek().orElseThrow())).isEqualTo(3);
            List<Integer> q = new ArrayList<>();
            List<Integer> s = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                q.add(u32(queue.pop().orElseThrow()));
                s.add(u32(stack.pop().orElseThrow()));
            }
            assertThat(q).containsExactly(1, 2, 3);
            assertThat(s).containsExactly(3, 2, 1);
            assertThat(queue.pop()).isEmpty();
            assertThat(stack.peek()).isEmpty();
        }
    }

    @Test
    void lpmTrieFindsTheLongestPrefix() {
        // Key: u32 prefix length, then the IPv4 address in network order.
        try (BpfMap trie = BpfMap.create(MapSpec.of("t_lpm", MapType.LPM_TRIE, 8, 4, 16))) {
            trie.update(lpmKey(8, 10, 0, 0, 0), u32(8), UpdateFlag.ANY);
            trie.update(lpmKey(16, 10, 1, 0, 0), u32(16), UpdateFlag.ANY);
            trie.update(lpmKey(24, 10, 1, 2, 0), u32(24), UpdateFlag.ANY);
            assertThat(u32(trie.lookup(lpmKey(32, 10, 1, 2, 3)).orElseThrow())).isEqualTo(24);
            assertThat(u32(trie.lookup(lpmKey(32, 10, 1, 9, 9)).orElseThrow())).isEqualTo(16);
            assertThat(u32(trie.lookup(lpmKey(32, 10, 7, 7, 7)).orElseThrow())).isEqualTo(8);
            assertThat(trie.lookup(lpmKey(32, 11, 0, 0, 1))).isEmpty();
            assertThat(trie.keys()).hasSize(3);
            assertThat(trie.delete(lpmKey(24, 10, 1, 2, 0))).isTrue();
            assertThat(u32(trie.lookup(lpmKey(32, 10, 1, 2, 3)).orElseThrow())).isEqualTo(16);
        }
    }

    private static byte[] lpmKey(int prefix, int a, int b, int c, int d) {
        byte[] k = new byte[8];
        System.arraycopy(u32(prefix), 0, k, 0, 4);
        k[4] = (byte) a;
        k[5] = (byte) b;
        k[6] = (byte) c;
        k[7] = (byte) d;
        return k;
    }

    @ParameterizedTest
    @EnumSource(value = MapType.class, names = {"ARRAY_OF_MAPS", "HASH_OF_MAPS"})
    void mapInMapStoresInnerMapsAndReturnsTheirIds(MapType type) {
        MapSpec innerSpec = MapSpec.of("t_inner", MapType.ARRAY, 4, 4, 2);
        try (BpfMap outer = BpfMap.create(MapSpec.ofMaps("t_outer", type, 4, 4, innerSpec));
             BpfMap inner = BpfMap.create(innerSpec)) {
            outer.update(u32(1), u32(inner.fd()), UpdateFlag.ANY);
            assertThat(u32(outer.lookup(u32(1)).orElseThrow())).isEqualTo(inner.info().id());
            try (BpfMap wrong = BpfMap.create(MapSpec.of("t_wrong", MapType.HASH, 8, 8, 2))) {
                assertThatThrownBy(() -> outer.update(u32(2), u32(wrong.fd()), UpdateFlag.ANY))
                        .isInstanceOf(SyscallException.class).hasMessageContaining("EINVAL");
            }
            assertThat(outer.delete(u32(1))).isTrue();
        }
    }

    @Test
    void fdArraysCreateAndStartEmpty() {
        for (MapType type : List.of(MapType.PROG_ARRAY, MapType.PERF_EVENT_ARRAY, MapType.CGROUP_ARRAY)) {
            try (BpfMap map = BpfMap.create(MapSpec.of("t_fdarray", type, 4, 4, 4))) {
                assertThat(map.delete(u32(0))).isFalse();
                assertThat(map.info().type()).isEqualTo(type);
            }
        }
    }

    @Test
    void progArrayHoldsProgramsAndReturnsTheirIds() {
        try (BpfMap jumps = BpfMap.create(MapSpec.of("t_jumps", MapType.PROG_ARRAY, 4, 4, 4));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_target", ProgramType.XDP, Insns.returning(1)),
                     LoadOptions.DEFAULT)) {
            jumps.update(u32(2), u32(prog.fd()), UpdateFlag.ANY);
            assertThat(u32(jumps.lookup(u32(2)).orElseThrow())).isEqualTo(prog.info().id());
            assertThat(jumps.lookup(u32(1))).isEmpty();
            assertThat(jumps.delete(u32(2))).isTrue();
        }
    }

    @Test
    void cgroupArrayHoldsCgroups() {
        // A cgroup v2 directory: the unified hierarchy, or the root where cgroup2 is mounted there.
        String dir = java.nio.file.Files.isDirectory(java.nio.file.Path.of("/sys/fs/cgroup/unified"))
                ? "/sys/fs/cgroup/unified" : "/sys/fs/cgroup";
        int cgroup = dev.bpf4j.kernel.sys.Native.open(dir, 0x10000 /* O_DIRECTORY */, 0);
        assertThat(cgroup).as("open " + dir).isPositive();
        try (BpfMap cgroups = BpfMap.create(MapSpec.of("t_cgroups", MapType.CGROUP_ARRAY, 4, 4, 2))) {
            cgroups.update(u32(0), u32(cgroup), UpdateFlag.ANY);
            assertThat(cgroups.delete(u32(0))).isTrue();
            assertThat(cgroups.delete(u32(0))).isFalse();
        } finally {
            dev.bpf4j.kernel.sys.Native.close(cgroup);
        }
    }

    @Test
    void stackTraceAndRingbufCreate() {
        try (BpfMap stacks = BpfMap.create(MapSpec.of("t_stacks", MapType.STACK_TRACE, 4, 8 * 127, 64));
             BpfMap ring = BpfMap.create(MapSpec.of("t_ring", MapType.RINGBUF, 0, 0, 4096 * 4))) {
            assertThat(stacks.lookup(u32(0))).isEmpty();
            assertThat(stacks.keys()).isEmpty();
            assertThat(ring.info().maxEntries()).isEqualTo(4096 * 4);
        }
    }

    @Test
    void freezeMakesTheMapReadOnlyForSyscalls() {
        try (BpfMap map = BpfMap.create(MapSpec.of("t_frozen", MapType.ARRAY, 4, 4, 1))) {
            map.update(u32(0), u32(7), UpdateFlag.ANY);
            map.freeze();
            assertThat(u32(map.lookup(u32(0)).orElseThrow())).isEqualTo(7);
            assertThatThrownBy(() -> map.update(u32(0), u32(8), UpdateFlag.ANY))
                    .isInstanceOf(SyscallException.class).hasMessageContaining("EPERM");
        }
    }

    @Test
    void batchLookupReadsEverythingAndLookupAndDeleteEmptiesTheMap() {
        try (BpfMap map = BpfMap.create(MapSpec.of("t_batch", MapType.HASH, 4, 8, 64))) {
            for (int k = 0; k < 40; k++) {
                map.update(u32(k), u64(k * 3L), UpdateFlag.ANY);
            }
            List<BpfMap.MapEntry> all = map.lookupBatch(7, false);
            Set<Integer> keys = new TreeSet<>();
            for (BpfMap.MapEntry e : all) {
                keys.add(u32(e.key()));
                assertThat(u64(e.value())).isEqualTo(u32(e.key()) * 3L);
            }
            assertThat(keys).hasSize(40);
            assertThat(map.lookupBatch(16, true)).hasSize(40);
            assertThat(map.keys()).isEmpty();
        }
        try (BpfMap array = BpfMap.create(MapSpec.of("t_batch_arr", MapType.ARRAY, 4, 4, 10))) {
            assertThat(array.lookupBatch(4, false)).hasSize(10);
        }
    }

    @Test
    void perCpuBatchValuesHoldEveryCpu() {
        int cpus = PossibleCpus.count();
        try (BpfMap map = BpfMap.create(MapSpec.of("t_pcpu_batch", MapType.PERCPU_HASH, 4, 4, 8))) {
            List<byte[]> values = new ArrayList<>();
            for (int cpu = 0; cpu < cpus; cpu++) {
                values.add(u32(cpu + 1));
            }
            map.updatePerCpu(u32(5), values, UpdateFlag.ANY);
            List<BpfMap.MapEntry> all = map.lookupBatch(4, false);
            assertThat(all).hasSize(1);
            byte[] v = all.getFirst().value();
            assertThat(v).hasSize(8 * cpus); // 4-byte values padded to 8 per CPU
            assertThat(v[8 * (cpus - 1)]).isEqualTo((byte) cpus);
        }
    }

    @Test
    void batchOnATypeWithoutBatchesIsNotSupported() {
        try (BpfMap queue = BpfMap.create(MapSpec.of("t_q_batch", MapType.QUEUE, 0, 4, 4))) {
            assertThatThrownBy(() -> queue.lookupBatch(4, false)).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining("BPF_MAP_LOOKUP_BATCH on QUEUE maps not supported");
        }
    }

    @Test
    void batchUpdateAndDelete() {
        try (BpfMap map = BpfMap.create(MapSpec.of("t_batch_upd", MapType.HASH, 4, 4, 16))) {
            List<BpfMap.MapEntry> entries = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                entries.add(new BpfMap.MapEntry(u32(k), u32(k + 100)));
            }
            map.updateBatch(entries, UpdateFlag.ANY);
            assertThat(u32(map.lookup(u32(9)).orElseThrow())).isEqualTo(109);
            map.deleteBatch(List.of(u32(0), u32(1), u32(2)));
            assertThat(keys(map)).containsExactly(3, 4, 5, 6, 7, 8, 9);
            assertThatThrownBy(() -> map.deleteBatch(List.of(u32(3), u32(0))))
                    .isInstanceOf(SyscallException.class).hasMessageContaining("ENOENT").hasMessageContaining("1 of 2");
        }
    }

    @Test
    void lookupAndDeleteOnHash() {
        try (BpfMap map = BpfMap.create(MapSpec.of("t_lad", MapType.HASH, 4, 4, 4))) {
            map.update(u32(1), u32(11), UpdateFlag.ANY);
            assertThat(u32(map.lookupAndDelete(u32(1)).orElseThrow())).isEqualTo(11);
            assertThat(map.lookup(u32(1))).isEmpty();
            assertThat(map.lookupAndDelete(u32(1))).isEmpty();
        }
    }

    @Test
    void infoDescribesTheMapAndCloseIsIdempotent() {
        BpfMap map = BpfMap.create(MapSpec.of("t_info_map_with_long_name", MapType.HASH, 4, 16, 32));
        MapInfo info = map.info();
        assertThat(info.type()).isEqualTo(MapType.HASH);
        assertThat(info.keySize()).isEqualTo(4);
        assertThat(info.valueSize()).isEqualTo(16);
        assertThat(info.maxEntries()).isEqualTo(32);
        assertThat(info.name()).isEqualTo("t_info_map_with");
        assertThat(info.id()).isPositive();
        map.close();
        map.close();
        assertThat(map.isClosed()).isTrue();
        assertThatThrownBy(map::fd).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusedCreateNamesTheCommandAndMap() {
        assertThatThrownBy(() -> BpfMap.create(MapSpec.of("t_bad", MapType.ARRAY, 3, 4, 1)))
                .isInstanceOf(SyscallException.class)
                .hasMessage("BPF_MAP_CREATE: EINVAL (Invalid argument): map t_bad (ARRAY): the key must be 4 bytes"
                        + " (an index) and max entries at least 1");
        assertThatThrownBy(() -> BpfMap.create(MapSpec.of("t_badring", MapType.RINGBUF, 0, 0, 1000)))
                .isInstanceOf(SyscallException.class).hasMessageContaining("power-of-2 multiple of the page size");
    }

    private static List<Integer> keys(BpfMap map) {
        List<Integer> keys = new ArrayList<>();
        for (byte[] k : map.keys()) {
            keys.add(u32(k));
        }
        keys.sort(null);
        return keys;
    }
}

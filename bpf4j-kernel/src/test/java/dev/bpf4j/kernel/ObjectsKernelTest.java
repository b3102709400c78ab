package dev.bpf4j.kernel;

import dev.bpf4j.kernel.sys.Bpf;
import dev.bpf4j.kernel.sys.BpfCommand;
import dev.bpf4j.kernel.sys.Native;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

@KernelTest
class ObjectsKernelTest {

    /** The kernel frees objects after an RCU grace period, so their ids linger briefly after close. */
    private static void awaitGone(Supplier<List<Integer>> ids, int id) throws InterruptedException {
        for (int i = 0; i < 100 && ids.get().contains(id); i++) {
            Thread.sleep(50);
        }
        assertThat(ids.get()).as("id " + id + " after close").doesNotContain(id);
    }

    @Test
    void enumeratesOpensByIdAndForgetsClosedObjects() throws InterruptedException {
        int mapId;
        int progId;
        try (BpfMap map = BpfMap.create(MapSpec.of("t_enum_map", MapType.ARRAY, 4, 8, 2));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_enum_prog", ProgramType.SOCKET_FILTER,
                     Insns.returning(0)), LoadOptions.DEFAULT)) {
            mapId = map.info().id();
            progId = prog.info().id();
            assertThat(KernelObjects.mapIds()).contains(mapId).isSorted();
            assertThat(KernelObjects.programIds()).contains(progId).isSorted();
            assertThat(KernelObjects.btfIds()).isNotEmpty(); // vmlinux at least
            try (BpfMap byId = BpfMap.fromId(mapId); BpfProgram progById = BpfProgram.fromId(progId)) {
                assertThat(byId.name()).isEqualTo("t_enum_map");
                assertThat(byId.valueSize()).isEqualTo(8);
                assertThat(progById.type()).isEqualTo(ProgramType.SOCKET_FILTER);
                assertThat(progById.info().name()).isEqualTo("t_enum_prog");
                assertThat(progById.info().tag()).hasSize(16).isEqualTo(prog.info().tag());
            }
        }
        awaitGone(KernelObjects::mapIds, mapId);
        awaitGone(KernelObjects::programIds, progId);
    }

    @Test
    void linksAreEnumerated() throws InterruptedException {
        // A raw tracepoint attachment is the simplest link to make (attaching proper lives in kernel.link).
        try (BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_rawtp", ProgramType.RAW_TRACEPOINT,
                Insns.returning(0)), LoadOptions.DEFAULT)) {
            int linkFd = Bpf.rawTracepointOpen("sched_switch", prog.fd());
            int linkId;
            try {
                // struct bpf_link_info starts with the link type (u32) and its id (u32).
                byte[] info = Bpf.objInfo(linkFd, 8);
                linkId = java.nio.ByteBuffer.wrap(info).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4);
                assertThat(info[0]).as("BPF_LINK_TYPE_RAW_TRACEPOINT").isEqualTo((byte) 1);
                List<Integer> links = KernelObjects.linkIds();
                assertThat(links).contains(linkId).isSorted();
                int again = Bpf.fdById(BpfCommand.BPF_LINK_GET_FD_BY_ID, linkId);
                Native.close(again);
            } finally {
                Native.close(linkFd);
            }
            awaitGone(KernelObjects::linkIds, linkId);
        }
    }

    @Test
    void theLeakCheckSeesOpenBpfFds() {
        int before = KernelExtension.bpfFds().size();
        try (BpfMap map = BpfMap.create(MapSpec.of("t_leakcheck", MapType.ARRAY, 4, 4, 1))) {
            assertThat(KernelExtension.bpfFds()).hasSize(before + 1)
                    .anyMatch(s -> s.startsWith(map.fd() + " -> anon_inode:bpf-map"));
        }
        assertThat(KernelExtension.bpfFds()).hasSize(before);
    }

    @Test
    void aMissingIdIsENOENT() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BpfMap.fromId(Integer.MAX_VALUE))
                .isInstanceOf(SyscallException.class).hasMessageStartingWith("BPF_MAP_GET_FD_BY_ID: ENOENT");
    }
}

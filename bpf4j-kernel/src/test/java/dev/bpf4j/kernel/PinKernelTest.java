package dev.bpf4j.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
class PinKernelTest {
    private Path dir;

    @BeforeEach
    void makeDir() throws IOException {
        String mount = BpfFs.ensureMounted();
        assertThat(BpfFs.isMounted(mount)).isTrue();
        dir = Files.createDirectories(Path.of(mount, "bpf4j-test-" + ProcessHandle.current().pid()));
    }

    @AfterEach
    void removeDir() throws IOException {
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).as("pins left behind").isEmpty();
        }
        Files.delete(dir);
    }

    @Test
    void aPinnedMapOutlivesItsFdAndReopens() {
        String path = dir.resolve("counts").toString();
        int id;
        try (BpfMap map = BpfMap.create(MapSpec.of("t_pinned", MapType.HASH, 4, 4, 4))) {
            map.update(Bytes.u32(1), Bytes.u32(99), UpdateFlag.ANY);
            map.pin(path);
            id = map.info().id();
        }
        try (BpfMap again = BpfMap.openPinned(path)) {
            assertThat(again.info().id()).isEqualTo(id);
            assertThat(again.type()).isEqualTo(MapType.HASH);
            assertThat(again.keySize()).isEqualTo(4);
            assertThat(Bytes.u32(again.lookup(Bytes.u32(1)).orElseThrow())).isEqualTo(99);
        }
        assertThat(BpfFs.unpin(path)).isTrue();
        assertThat(BpfFs.unpin(path)).isFalse();
        assertThatThrownBy(() -> BpfMap.openPinned(path)).isInstanceOf(SyscallException.class)
                .hasMessageStartingWith("BPF_OBJ_GET: ENOENT");
    }

    @Test
    void aPinnedProgramReopens() {
        String path = dir.resolve("prog").toString();
        try (BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_pinprog", ProgramType.XDP, Insns.returning(2)),
                LoadOptions.DEFAULT)) {
            prog.pin(path);
            try (BpfProgram again = BpfProgram.openPinned(path)) {
                assertThat(again.info().id()).isEqualTo(prog.info().id());
                assertThat(again.name()).isEqualTo("t_pinprog");
                assertThat(again.testRun(TestRunOptions.ofData(new byte[64])).retval()).isEqualTo(2);
            }
        } finally {
            BpfFs.unpin(path);
        }
    }

    @Test
    void pinningTwiceOrOutsideBpffsIsAClearError() {
        String path = dir.resolve("twice").toString();
        try (BpfMap map = BpfMap.create(MapSpec.of("t_twice", MapType.ARRAY, 4, 4, 1))) {
            map.pin(path);
            assertThatThrownBy(() -> map.pin(path)).isInstanceOf(SyscallException.class)
                    .hasMessage("BPF_OBJ_PIN: EEXIST (File exists): " + path);
            assertThatThrownBy(() -> map.pin("/tmp/bpf4j-not-bpffs")).isInstanceOf(SyscallException.class)
                    .hasMessageContaining("BPF_OBJ_PIN");
        } finally {
            BpfFs.unpin(path);
        }
    }
}

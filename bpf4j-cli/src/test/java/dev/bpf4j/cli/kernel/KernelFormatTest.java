package dev.bpf4j.cli.kernel;

import dev.bpf4j.kernel.MapInfo;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.ProgramInfo;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KernelFormatTest {
    @Test
    void programLinesLookLikeBpftools() {
        ProgramInfo p = new ProgramInfo(12, ProgramType.XDP, 6, "xdp_prog", "3b185187f1855c4c", 16, 18, 0, 0, 2,
                true, 2, 0, 0);
        assertThat(KernelFormat.program(p, Instant.parse("2026-11-22T05:00:00Z"), List.of(4, 5))).isEqualTo("""
                12: xdp  name xdp_prog  tag 3b185187f1855c4c  gpl
                \tloaded_at 2026-11-22T05:00:00+0000  uid 0
                \txlated 16B  jited 18B  map_ids 4,5
                """);
    }

    @Test
    void unknownTypesShowTheirNumber() {
        ProgramInfo p = new ProgramInfo(3, null, 99, "", "0000000000000000", 8, 0, 0, 1000, 0, false, 1, 0, 0);
        assertThat(KernelFormat.program(p, null, List.of())).isEqualTo("""
                3: type 99  tag 0000000000000000
                \tuid 1000
                \txlated 8B  not jited
                """);
    }

    @Test
    void mapLinesAndDumpsLookLikeBpftools() {
        assertThat(KernelFormat.map(new MapInfo(4, MapType.PERCPU_HASH, 5, 4, 8, 1024, 0, "counts"))).isEqualTo("""
                4: percpu_hash  name counts  flags 0x0
                \tkey 4B  value 8B  max_entries 1024
                """);
        assertThat(KernelFormat.element(new byte[] {0, 0, 0, 0}, new byte[] {1, (byte) 0xab}))
                .isEqualTo("key: 00 00 00 00  value: 01 ab\n");
        assertThat(KernelFormat.perCpuElement(new byte[] {1}, List.of(new byte[] {2}, new byte[] {3})))
                .isEqualTo("key:\n01\nvalue (CPU 00): 02\nvalue (CPU 01): 03\n");
        assertThat(KernelFormat.found(1)).isEqualTo("Found 1 element\n");
        assertThat(KernelFormat.found(0)).isEqualTo("Found 0 elements\n");
    }

    @Test
    void privilegeRefusalsNameTheCapability() {
        assertThat(KernelAccess.permissionMessage("list programs", new SyscallException("BPF_PROG_GET_NEXT_ID", 1)))
                .isEqualTo("bpf4j: cannot list programs: the kernel requires CAP_SYS_ADMIN (run as root)"
                        + " (BPF_PROG_GET_NEXT_ID failed with EPERM)");
        assertThat(KernelAccess.permissionMessage("list maps", new SyscallException("BPF_MAP_GET_NEXT_ID", 13)))
                .contains("CAP_SYS_ADMIN").contains("EACCES");
        assertThat(KernelAccess.permissionMessage("list maps", new SyscallException("BPF_MAP_GET_NEXT_ID", 22)))
                .isNull();
    }
}

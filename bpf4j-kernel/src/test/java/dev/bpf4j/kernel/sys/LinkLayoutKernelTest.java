package dev.bpf4j.kernel.sys;

import dev.bpf4j.btf.BtfBlob;
import dev.bpf4j.btf.BtfKind;
import dev.bpf4j.btf.BtfMember;
import dev.bpf4j.btf.BtfRawType;
import dev.bpf4j.kernel.KernelTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the link_create, iter_create and bpf_link_info offsets of {@link LinkCalls} against the kernel's BTF. */
@KernelTest
class LinkLayoutKernelTest {

    private static Map<String, Integer> offsets(BtfBlob btf, BtfRawType type, int baseBits, String prefix) {
        Map<String, Integer> out = new HashMap<>();
        for (BtfMember m : type.members()) {
            int bits = baseBits + m.bitOffset();
            BtfRawType mt = btf.resolve(m.typeId());
            String name = m.name().isEmpty() ? prefix : prefix + m.name();
            if (mt.kind() == BtfKind.STRUCT || mt.kind() == BtfKind.UNION) {
                offsets(btf, mt, bits, m.name().isEmpty() ? prefix : name + ".").forEach(out::putIfAbsent);
            }
            if (!m.name().isEmpty()) {
                out.putIfAbsent(name, bits / 8);
            }
        }
        return out;
    }

    @Test
    void linkCallOffsetsMatchTheKernel() throws Exception {
        BtfBlob btf = BtfBlob.parse("vmlinux", Files.readAllBytes(Path.of("/sys/kernel/btf/vmlinux")));
        Map<String, Integer> attr = offsets(btf, btf.find(BtfKind.UNION, "bpf_attr").orElseThrow(), 0, "");
        assertThat(attr).containsEntry("link_create.prog_fd", LinkCalls.LC_PROG_FD)
                .containsEntry("link_create.target_fd", LinkCalls.LC_TARGET)
                .containsEntry("link_create.target_ifindex", LinkCalls.LC_TARGET)
                .containsEntry("link_create.attach_type", LinkCalls.LC_ATTACH_TYPE)
                .containsEntry("link_create.flags", LinkCalls.LC_FLAGS)
                .containsEntry("link_create.target_btf_id", LinkCalls.LC_EXTRA)
                .containsEntry("link_create.iter_info", LinkCalls.LC_EXTRA)
                .containsEntry("link_create.iter_info_len", LinkCalls.LC_ITER_INFO_LEN)
                .containsEntry("link_create.perf_event.bpf_cookie", LinkCalls.LC_EXTRA)
                .containsEntry("iter_create.link_fd", 0)
                .containsEntry("link_detach.link_fd", 0);
        BtfRawType info = btf.find(BtfKind.STRUCT, "bpf_link_info").orElseThrow();
        assertThat(info.sizeOrType()).isEqualTo(LinkCalls.LINK_INFO_SIZE);
        assertThat(offsets(btf, info, 0, "")).containsEntry("type", 0).containsEntry("id", 4).containsEntry("prog_id", 8);
    }
}

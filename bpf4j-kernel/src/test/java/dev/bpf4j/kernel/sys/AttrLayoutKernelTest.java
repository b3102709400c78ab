package dev.bpf4j.kernel.sys;

import dev.bpf4j.btf.BtfBlob;
import dev.bpf4j.btf.BtfKind;
import dev.bpf4j.btf.BtfMember;
import dev.bpf4j.btf.BtfRawType;
import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.MapInfo;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.ProgramInfo;
import dev.bpf4j.kernel.ProgramType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks every attr offset and enum value bpf4j uses against the running kernel's own BTF. */
@KernelTest
class AttrLayoutKernelTest {
    private static BtfBlob vmlinux;

    @BeforeAll
    static void readVmlinux() throws IOException {
        vmlinux = BtfBlob.parse("/sys/kernel/btf/vmlinux", Files.readAllBytes(Path.of("/sys/kernel/btf/vmlinux")));
    }

    /** A member's byte offset and size. */
    record Slot(int offset, long size) {
    }

    /** Every member reachable through anonymous structs and unions, with offsets from {@code type}'s start. */
    static Map<String, Slot> flatten(BtfRawType type, int baseBits) {
        Map<String, Slot> out = new HashMap<>();
        for (BtfMember m : type.members()) {
            int bits = baseBits + m.bitOffset();
            BtfRawType mt = vmlinux.resolve(m.typeId());
            if (m.name().isEmpty()) {
                flatten(mt, bits).forEach(out::putIfAbsent);
            } else {
                out.putIfAbsent(m.name(), new Slot(bits / 8, vmlinux.sizeOf(m.typeId())));
            }
        }
        return out;
    }

    static Map<String, Slot> group(BpfAttr.Group group) {
        BtfRawType attr = vmlinux.find(BtfKind.UNION, "bpf_attr").orElseThrow();
        assertThat(attr.sizeOrType()).as("sizeof(union bpf_attr)").isGreaterThanOrEqualTo(group.size());
        for (BtfMember m : attr.members()) {
            BtfRawType mt = vmlinux.resolve(m.typeId());
            if (group.member() != null ? m.name().equals(group.member())
                    : m.name().isEmpty() && flatten(mt, 0).containsKey(group.keyMember())) {
                assertThat(mt.sizeOrType()).as("size of " + group).isEqualTo(group.size());
                return flatten(mt, 0);
            }
        }
        throw new AssertionError("union bpf_attr has no member for " + group);
    }

    @Test
    void everyAttrFieldMatchesTheKernel() {
        for (BpfAttr.Field f : BpfAttr.ALL) {
            Slot slot = group(f.group()).get(f.name());
            assertThat(slot).as(f.name() + " exists in the kernel's " + f.group()).isNotNull();
            assertThat(slot.offset()).as("offset of " + f.name()).isEqualTo(f.offset());
            assertThat(slot.size()).as("size of " + f.name()).isEqualTo(f.size());
        }
    }

    @Test
    void infoStructsMatchTheKernel() {
        BtfRawType prog = vmlinux.find(BtfKind.STRUCT, "bpf_prog_info").orElseThrow();
        BtfRawType map = vmlinux.find(BtfKind.STRUCT, "bpf_map_info").orElseThrow();
        assertThat(prog.sizeOrType()).isEqualTo(ProgramInfo.SIZE);
        assertThat(map.sizeOrType()).isEqualTo(MapInfo.SIZE);
        Map<String, Slot> p = flatten(prog, 0);
        assertThat(p.get("id").offset()).isEqualTo(4);
        assertThat(p.get("tag").offset()).isEqualTo(8);
        assertThat(p.get("jited_prog_len").offset()).isEqualTo(16);
        assertThat(p.get("xlated_prog_len").offset()).isEqualTo(20);
        assertThat(p.get("load_time").offset()).isEqualTo(40);
        assertThat(p.get("created_by_uid").offset()).isEqualTo(48);
        assertThat(p.get("nr_map_ids").offset()).isEqualTo(52);
        assertThat(p.get("name").offset()).isEqualTo(64);
        assertThat(prog.members().stream().filter(m -> m.name().equals("gpl_compatible")).findFirst()
                .orElseThrow().bitOffset()).isEqualTo(84 * 8);
        assertThat(p.get("run_time_ns").offset()).isEqualTo(192);
        assertThat(p.get("run_cnt").offset()).isEqualTo(200);
        assertThat(p.get("verified_insns").offset()).isEqualTo(216);
        Map<String, Slot> m = flatten(map, 0);
        assertThat(m.get("key_size").offset()).isEqualTo(8);
        assertThat(m.get("value_size").offset()).isEqualTo(12);
        assertThat(m.get("max_entries").offset()).isEqualTo(16);
        assertThat(m.get("map_flags").offset()).isEqualTo(20);
        assertThat(m.get("name").offset()).isEqualTo(24);
    }

    private static int bitOf(BtfRawType struct, String member) {
        return struct.members().stream().filter(m -> m.name().equals(member)).findFirst().orElseThrow().bitOffset();
    }

    @Test
    void perfEventAttrBtfInfoAndEpollEventMatchTheKernel() {
        BtfRawType perf = vmlinux.find(BtfKind.STRUCT, "perf_event_attr").orElseThrow();
        assertThat(perf.sizeOrType()).isEqualTo(PerfEvent.ATTR_SIZE);
        Map<String, Slot> p = flatten(perf, 0);
        assertThat(p.get("type").offset()).isEqualTo(PerfEvent.TYPE);
        assertThat(p.get("size").offset()).isEqualTo(PerfEvent.SIZE);
        assertThat(p.get("config").offset()).isEqualTo(PerfEvent.CONFIG);
        assertThat(p.get("sample_period").offset()).isEqualTo(PerfEvent.SAMPLE_PERIOD);
        assertThat(p.get("sample_type").offset()).isEqualTo(PerfEvent.SAMPLE_TYPE);
        assertThat(p.get("wakeup_events").offset()).isEqualTo(PerfEvent.WAKEUP_EVENTS);
        assertThat(p.get("config1").offset()).isEqualTo(PerfEvent.CONFIG1);
        assertThat(p.get("config2").offset()).isEqualTo(PerfEvent.CONFIG2);
        assertThat(bitOf(perf, "disabled")).isEqualTo(PerfEvent.FLAGS * 8);
        assertThat(bitOf(perf, "inherit")).isEqualTo(PerfEvent.FLAGS * 8 + Long.numberOfTrailingZeros(PerfEvent.FLAG_INHERIT));
        assertThat(bitOf(perf, "freq")).isEqualTo(PerfEvent.FLAGS * 8 + Long.numberOfTrailingZeros(PerfEvent.FLAG_FREQ));

        BtfRawType btfInfo = vmlinux.find(BtfKind.STRUCT, "bpf_btf_info").orElseThrow();
        assertThat(flatten(btfInfo, 0).get("id").offset()).isEqualTo(12);
        assertThat(btfInfo.sizeOrType()).isEqualTo(32);
        BtfRawType linkInfo = vmlinux.find(BtfKind.STRUCT, "bpf_link_info").orElseThrow();
        assertThat(flatten(linkInfo, 0).get("id").offset()).isEqualTo(4);

        BtfRawType epoll = vmlinux.find(BtfKind.STRUCT, "epoll_event").orElseThrow();
        assertThat(epoll.sizeOrType()).as("struct epoll_event (packed on x86_64)").isEqualTo(Native.EPOLL_EVENT_SIZE);
        assertThat(flatten(epoll, 0).get("data").offset()).isEqualTo(Native.EPOLL_DATA_OFFSET);
    }

    private static Map<String, Long> enumValues(String name) {
        Map<String, Long> values = new HashMap<>();
        for (BtfRawType.Enumerator e : vmlinux.find(BtfKind.ENUM, name).orElseThrow().enumerators()) {
            values.put(e.name(), e.value());
        }
        return values;
    }

    @Test
    void enumValuesMatchTheKernel() {
        Map<String, Long> maps = enumValues("bpf_map_type");
        for (MapType t : MapType.values()) {
            assertThat(maps.get("BPF_MAP_TYPE_" + t.name())).as(t.name()).isEqualTo(t.value());
        }
        Map<String, Long> progs = enumValues("bpf_prog_type");
        for (ProgramType t : ProgramType.values()) {
            assertThat(progs.get("BPF_PROG_TYPE_" + t.name())).as(t.name()).isEqualTo(t.value());
        }
        Map<String, Long> attach = enumValues("bpf_attach_type");
        for (AttachType t : AttachType.values()) {
            assertThat(attach.get("BPF_" + t.name())).as(t.name()).isEqualTo(t.value());
        }
        Map<String, Long> cmds = enumValues("bpf_cmd");
        for (BpfCommand c : BpfCommand.values()) {
            assertThat(cmds.get(c.name())).as(c.name()).isEqualTo(c.value());
        }
    }
}

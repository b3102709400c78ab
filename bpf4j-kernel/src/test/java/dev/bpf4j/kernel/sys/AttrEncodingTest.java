package dev.bpf4j.kernel.sys;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Attr encoding without a kernel: fields against the committed 6.18 layout dump, and encoded bytes. */
class AttrEncodingTest {

    @Test
    void mapCreateEncodesAtTheKernelOffsets() {
        byte[] bytes = new byte[BpfAttr.MAP_CREATE.size()];
        MemorySegment a = MemorySegment.ofArray(bytes);
        BpfAttr.set(a, BpfAttr.MAP_TYPE, 2);
        BpfAttr.set(a, BpfAttr.KEY_SIZE, 4);
        BpfAttr.set(a, BpfAttr.VALUE_SIZE, 8);
        BpfAttr.set(a, BpfAttr.MAX_ENTRIES, 0x01020304);
        BpfAttr.set(a, BpfAttr.MAP_FLAGS, 1);
        BpfAttr.setName(a, BpfAttr.MAP_NAME, "my-map:with/odd chars_and_a_long_tail");
        BpfAttr.set(a, BpfAttr.MAP_EXTRA, 0x1122334455667788L);
        assertThat(bytes).hasSize(96);
        assertThat(bytes[0]).isEqualTo((byte) 2);
        assertThat(bytes[4]).isEqualTo((byte) 4);
        assertThat(bytes[8]).isEqualTo((byte) 8);
        assertThat(new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]}).containsExactly(4, 3, 2, 1);
        assertThat(bytes[16]).isEqualTo((byte) 1);
        assertThat(new String(bytes, 28, 15)).isEqualTo("mymapwithoddcha");
        assertThat(bytes[43]).isZero();
        assertThat(bytes[64]).isEqualTo((byte) 0x88);
        assertThat(bytes[71]).isEqualTo((byte) 0x11);
        assertThat(BpfAttr.get(a, BpfAttr.MAX_ENTRIES)).isEqualTo(0x01020304);
    }

    @Test
    void testRunAndProgLoadFieldsRoundTrip() {
        MemorySegment load = MemorySegment.ofArray(new byte[BpfAttr.PROG_LOAD.size()]);
        BpfAttr.set(load, BpfAttr.LOG_TRUE_SIZE, 0xfffffffeL);
        assertThat(BpfAttr.get(load, BpfAttr.LOG_TRUE_SIZE)).isEqualTo(0xfffffffeL);
        assertThat(load.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 140)).isEqualTo((byte) 0xfe);
        MemorySegment test = MemorySegment.ofArray(new byte[BpfAttr.TEST.size()]);
        BpfAttr.set(test, BpfAttr.TEST_CTX_OUT, 0x0102030405060708L);
        assertThat(test.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 56)).isEqualTo((byte) 8);
    }

    @Test
    void namesKeepOnlyWhatTheKernelAccepts() {
        assertThat(BpfAttr.sanitizeName("hello.world_1")).isEqualTo("hello.world_1");
        assertThat(BpfAttr.sanitizeName("a-b c")).isEqualTo("abc");
        assertThat(BpfAttr.sanitizeName("0123456789abcdefgh")).hasSize(15);
    }

    /**
     * Parses layouts-6.18/union_bpf_attr.6.18.txt (the dump of the kernel's BTF committed in the shared
     * directory) into group key -> member -> (offset, size) and checks every field against it.
     */
    @Test
    void everyFieldMatchesTheLayoutDump() throws IOException {
        String shared = System.getenv().getOrDefault("BPF4J_SHARED_DIR", "/work/shared");
        Path dump = Path.of(shared, "kernel", "layouts-6.18", "union_bpf_attr.6.18.txt");
        assumeTrue(Files.exists(dump), "no layout dump at " + dump);
        List<String> lines = Files.readAllLines(dump);
        // Top-level members are indented by 2 spaces; each starts a group.
        List<Map<String, int[]>> groups = new java.util.ArrayList<>();
        List<String> groupNames = new java.util.ArrayList<>();
        Map<String, int[]> current = null;
        for (String line : lines.subList(1, lines.size())) {
            int indent = line.length() - line.stripLeading().length();
            String[] f = line.strip().split("\\s+");
            String name = f[0];
            int off = Integer.parseInt(line.replaceAll(".*off=\\s*(\\d+).*", "$1"));
            int size = Integer.parseInt(line.replaceAll(".*size=\\s*(\\d+).*", "$1"));
            if (indent == 2) {
                current = new HashMap<>();
                groups.add(current);
                groupNames.add(name);
                current.put("<size>", new int[]{off, size});
            } else if (!name.equals("<anon>")) {
                current.putIfAbsent(name, new int[]{off, size});
            }
        }
        for (BpfAttr.Field field : BpfAttr.ALL) {
            BpfAttr.Group g = field.group();
            Map<String, int[]> members = null;
            for (int i = 0; i < groups.size(); i++) {
                boolean match = g.member() != null ? groupNames.get(i).equals(g.member())
                        : groupNames.get(i).equals("<anon>") && groups.get(i).containsKey(g.keyMember());
                if (match) {
                    members = groups.get(i);
                    break;
                }
            }
            assertThat(members).as("group of " + field.name()).isNotNull();
            assertThat(members.get("<size>")[1]).as("size of " + g).isEqualTo(g.size());
            int[] slot = members.get(field.name());
            assertThat(slot).as(field.name()).isNotNull();
            assertThat(slot[0]).as("offset of " + field.name()).isEqualTo(field.offset());
            assertThat(slot[1]).as("size of " + field.name()).isEqualTo(field.size());
        }
    }
}

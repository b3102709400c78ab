package dev.bpf4j.btf;

import dev.bpf4j.FormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BtfBlobTest {
    /** Builds BTF by hand: strings "\0u32\0pair\0a\0b\0flags\0bits\0". */
    static byte[] sample() {
        String strings = "\0u32\0pair\0a\0b\0flags\0bits\0";
        int u32 = 1, pair = 5, a = 10, bName = 12, flags = 14, bits = 20;
        ByteBuffer t = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        // [1] INT u32, size 4, encoding: 32 bits
        t.putInt(u32).putInt(1 << 24).putInt(4).putInt(32);
        // [2] STRUCT pair { u32 a; <anon union> ; } size 8
        t.putInt(pair).putInt((4 << 24) | 2).putInt(8);
        t.putInt(a).putInt(1).putInt(0);
        t.putInt(0).putInt(3).putInt(32);
        // [3] anonymous UNION { u32 b; } size 4
        t.putInt(0).putInt((5 << 24) | 1).putInt(4);
        t.putInt(bName).putInt(1).putInt(0);
        // [4] STRUCT flags with kind_flag: u32 bits:3 at bit 5
        t.putInt(flags).putInt((1 << 31) | (4 << 24) | 1).putInt(4);
        t.putInt(bits).putInt(1).putInt((3 << 24) | 5);
        // [5] TYPEDEF pair_t -> 2 (name reuses "pair")
        t.putInt(pair).putInt(8 << 24).putInt(2);
        // [6] ARRAY of 3 u32
        t.putInt(0).putInt(3 << 24).putInt(0).putInt(1).putInt(1).putInt(3);
        // [7] signed ENUM "bits" { a = -1, b = 7 }
        t.putInt(bits).putInt((1 << 31) | (6 << 24) | 2).putInt(4).putInt(a).putInt(-1).putInt(bName).putInt(7);
        byte[] types = Arrays.copyOf(t.array(), t.position());
        byte[] str = strings.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) 0xeB9F).put((byte) 1).put((byte) 0).putInt(24)
                .putInt(0).putInt(types.length).putInt(types.length).putInt(str.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(types);
        out.writeBytes(str);
        return out.toByteArray();
    }

    @Test
    void readsTypesMembersAndOffsets() {
        BtfBlob btf = BtfBlob.parse("sample", sample());
        assertThat(btf.types()).hasSize(8);
        assertThat(btf.sizeOf(6)).isEqualTo(12);
        assertThat(btf.find(BtfKind.ENUM, "bits").orElseThrow().enumerators())
                .containsExactly(new BtfRawType.Enumerator("a", -1), new BtfRawType.Enumerator("b", 7));
        BtfRawType pair = btf.find(BtfKind.STRUCT, "pair").orElseThrow();
        assertThat(pair.sizeOrType()).isEqualTo(8);
        assertThat(pair.members()).extracting(BtfMember::name).containsExactly("a", "");
        assertThat(pair.members().get(1).byteOffset()).isEqualTo(4);
        BtfRawType union = btf.type(pair.members().get(1).typeId());
        assertThat(union.kind()).isEqualTo(BtfKind.UNION);
        assertThat(union.members().getFirst().name()).isEqualTo("b");
        BtfMember bits = btf.find(BtfKind.STRUCT, "flags").orElseThrow().members().getFirst();
        assertThat(bits.bitOffset()).isEqualTo(5);
        assertThat(bits.bitfieldSize()).isEqualTo(3);
        assertThat(btf.resolve(5)).isEqualTo(pair);
        assertThat(btf.find(BtfKind.INT, "u32")).isPresent();
    }

    @Test
    void rejectsBadMagicAndTruncation() {
        byte[] bytes = sample();
        byte[] bad = bytes.clone();
        bad[0] = 0;
        assertThatThrownBy(() -> BtfBlob.parse("x.btf", bad)).isInstanceOf(FormatException.class)
                .hasMessageContaining("x.btf").hasMessageContaining("magic");
        assertThatThrownBy(() -> BtfBlob.parse("x.btf", Arrays.copyOf(bytes, 40)))
                .isInstanceOf(FormatException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> BtfBlob.parse("x.btf", new byte[3])).isInstanceOf(FormatException.class);
    }
}

package dev.bpf4j.kernel;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** Info structs decoded from bytes laid out as Linux 6.18's BTF says, without a kernel. */
class InfoDecodeTest {
    @Test
    void mapInfo() {
        ByteBuffer b = ByteBuffer.allocate(MapInfo.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 13).putInt(4, 77).putInt(8, 4).putInt(12, 4).putInt(16, 10).putInt(20, 1);
        b.put(24, "outer".getBytes());
        assertThat(MapInfo.decode(b.array()))
                .isEqualTo(new MapInfo(77, MapType.HASH_OF_MAPS, 13, 4, 4, 10, 1, "outer"));
    }

    @Test
    void programInfo() {
        ByteBuffer b = ByteBuffer.allocate(ProgramInfo.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 6).putInt(4, 9).put(8, new byte[]{1, 2, 3, 4, 5, 6, 7, (byte) 0xff});
        b.putInt(16, 100).putInt(20, 16).putLong(40, 123456789L).putInt(48, 0).putInt(52, 2);
        b.put(64, "xdp_prog".getBytes()).put(84, (byte) 1).putLong(192, 500).putLong(200, 3).putInt(216, 2);
        ProgramInfo info = ProgramInfo.decode(b.array());
        assertThat(info.type()).isEqualTo(ProgramType.XDP);
        assertThat(info.id()).isEqualTo(9);
        assertThat(info.tag()).isEqualTo("01020304050607ff");
        assertThat(info.jitedLength()).isEqualTo(100);
        assertThat(info.xlatedLength()).isEqualTo(16);
        assertThat(info.loadTimeNs()).isEqualTo(123456789L);
        assertThat(info.mapCount()).isEqualTo(2);
        assertThat(info.name()).isEqualTo("xdp_prog");
        assertThat(info.gplCompatible()).isTrue();
        assertThat(info.runTimeNs()).isEqualTo(500);
        assertThat(info.runCount()).isEqualTo(3);
        assertThat(info.verifiedInsns()).isEqualTo(2);
    }

    @Test
    void unknownTypesStayReadable() {
        byte[] raw = new byte[MapInfo.SIZE];
        raw[0] = 99;
        MapInfo info = MapInfo.decode(raw);
        assertThat(info.type()).isNull();
        assertThat(info.typeValue()).isEqualTo(99);
    }
}

package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.LinkCalls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The common head of {@code struct bpf_link_info}: type, id and program id; zeros if the kernel cannot say. */
record BpfLinkInfo(int type, int id, int progId) {
    BpfLinkInfo(int fd) {
        this(read(fd));
    }

    private BpfLinkInfo(int[] v) {
        this(v[0], v[1], v[2]);
    }

    private static int[] read(int fd) {
        try {
            ByteBuffer b = ByteBuffer.wrap(LinkCalls.linkInfo(fd)).order(ByteOrder.nativeOrder());
            return new int[] {b.getInt(0), b.getInt(4), b.getInt(8)};
        } catch (SyscallException e) {
            return new int[3];
        }
    }
}

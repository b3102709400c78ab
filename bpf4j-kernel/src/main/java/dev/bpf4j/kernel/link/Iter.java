package dev.bpf4j.kernel.link;

import dev.bpf4j.btf.BtfKind;
import dev.bpf4j.isa.Program;
import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.SyscallException;
import dev.bpf4j.kernel.sys.LinkCalls;
import dev.bpf4j.kernel.sys.Native;

import java.io.ByteArrayOutputStream;

/**
 * BPF iterators: a TRACING program run once per kernel object of a kind ({@code bpf_map}, {@code task},
 * {@code tcp}, ...), writing text with {@code bpf_seq_printf}/{@code bpf_seq_write}. The program names its
 * kind at load time by the BTF id of {@code bpf_iter_<kind>}; the link (BPF_LINK_CREATE with
 * BPF_TRACE_ITER) fixes it; each {@link #read} (BPF_ITER_CREATE) walks the objects once and returns the text.
 */
public final class Iter {
    private Iter() {
    }

    /** The BTF id of {@code bpf_iter_<kind>}. */
    public static int btfId(String kind) {
        return Vmlinux.id(BtfKind.FUNC, "bpf_iter_" + kind, "the iterator target " + kind);
    }

    /** A TRACING spec with expected attach type TRACE_ITER for iterator kind {@code kind}. */
    public static ProgramSpec spec(String name, String kind, Program program) {
        return ProgramSpec.of(name, ProgramType.TRACING, program)
                .withExpectedAttachType(AttachType.TRACE_ITER).withAttachBtfId(btfId(kind));
    }

    /** Creates the iterator link (no per-map, per-cgroup or per-task parameters). */
    public static BpfLink attach(BpfProgram program) {
        return attach(program, null);
    }

    /**
     * Creates the iterator link with {@code linkInfo}, the bytes of {@code union bpf_iter_link_info}
     * (e.g. a map fd for {@code bpf_map_elem}), or null.
     */
    public static BpfLink attach(BpfProgram program, byte[] linkInfo) {
        Attach.requireType(program, "an iterator", ProgramType.TRACING);
        return BpfLink.create(program.fd(), 0, AttachType.TRACE_ITER.value(), 0, 0, linkInfo,
                "iterator " + program.name());
    }

    /** Runs the iterator once: opens a new iterator fd on {@code link} and reads it to the end. */
    public static byte[] read(BpfLink link) {
        int fd = LinkCalls.iterCreate(link.fd());
        if (fd < 0) {
            throw new SyscallException("BPF_ITER_CREATE", -fd, link.description());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            while (true) {
                int n = LinkCalls.read(fd, buf);
                if (n == -4) { // EINTR
                    continue;
                }
                if (n < 0) {
                    throw new SyscallException("read", -n, "iterator output of " + link.description());
                }
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(buf, 0, n);
            }
        } finally {
            Native.close(fd);
        }
    }
}

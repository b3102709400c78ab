package dev.bpf4j.kernel;

import dev.bpf4j.kernel.sys.Bpf;
import dev.bpf4j.kernel.sys.Errno;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A BTF blob loaded into the kernel (BPF_BTF_LOAD), owning its descriptor: what maps and programs point
 * at to describe their keys, values and functions. The kernel checks the blob; a rejection is a
 * {@link SyscallException} whose message carries the kernel's decisive log line.
 */
public final class LoadedBtf implements AutoCloseable {
    private final OwnedFd fd;

    private LoadedBtf(int fd) {
        this.fd = new OwnedFd(fd, "BTF object");
    }

    /**
     * Loads raw BTF (header, types, strings). On failure the load is repeated with a log so the error
     * can say what the kernel disliked.
     */
    public static LoadedBtf load(byte[] blob) {
        Bpf.LoadResult r = Bpf.btfLoad(blob, 0, 0);
        if (r.result() >= 0) {
            return new LoadedBtf(r.result());
        }
        int size = 64 * 1024;
        while (true) {
            r = Bpf.btfLoad(blob, 1, size);
            if (r.result() >= 0) {
                return new LoadedBtf(r.result());
            }
            if (-r.result() == Errno.ENOSPC && size < LoadOptions.MAX_LOG_SIZE / 2) {
                size = Math.max(size * 2, r.logTrueSize() + 1);
                continue;
            }
            throw new SyscallException("BPF_BTF_LOAD", -r.result(), VerifierException.decisiveLine(r.log()));
        }
    }

    /** The descriptor, for map creation and program loads. */
    public int fd() {
        return fd.get();
    }

    /** The object's system-wide id (from {@code struct bpf_btf_info}, where the id sits at offset 12). */
    public int id() {
        byte[] info = Bpf.objInfo(fd(), 32);
        return ByteBuffer.wrap(info).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
    }

    /** Closes the descriptor; the kernel frees the BTF when no map or program refers to it. */
    @Override
    public void close() {
        fd.close();
    }
}

package dev.bpf4j.kernel.link;

import dev.bpf4j.btf.BtfBlob;
import dev.bpf4j.btf.BtfKind;
import dev.bpf4j.btf.BtfRawType;
import dev.bpf4j.kernel.NotSupportedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The running kernel's own BTF ({@code /sys/kernel/btf/vmlinux}), read once: tp_btf, fentry/fexit, LSM and
 * iterator programs name their target by the BTF id of a type or function in it.
 */
final class Vmlinux {
    static final String PATH = "/sys/kernel/btf/vmlinux";
    private static volatile BtfBlob btf;

    private Vmlinux() {
    }

    static BtfBlob btf() {
        BtfBlob b = btf;
        if (b == null) {
            synchronized (Vmlinux.class) {
                if (btf == null) {
                    try {
                        btf = BtfBlob.parse(PATH, Files.readAllBytes(Path.of(PATH)));
                    } catch (IOException e) {
                        throw new NotSupportedException("kernel BTF", "cannot read " + PATH
                                + " (CONFIG_DEBUG_INFO_BTF is off?): " + e.getMessage(), e);
                    }
                }
                b = btf;
            }
        }
        return b;
    }

    /**
     * The id of the {@code kind} type named {@code name}.
     *
     * @throws IllegalArgumentException naming what was looked for and why it is needed
     */
    static int id(BtfKind kind, String name, String purpose) {
        BtfRawType t = btf().find(kind, name).orElseThrow(() -> new IllegalArgumentException(
                "the kernel's BTF has no " + kind + " '" + name + "' (" + purpose + ")"));
        return t.id();
    }
}

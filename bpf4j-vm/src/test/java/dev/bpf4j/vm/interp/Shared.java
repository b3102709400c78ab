package dev.bpf4j.vm.interp;

import java.nio.file.Path;

/** Where the shared conformance and benchmark data live. */
final class Shared {
    private Shared() {
    }

    static Path dir() {
        String env = System.getenv("BPF4J_SHARED_DIR");
        return Path.of(env != null ? env : "../../shared").toAbsolutePath().normalize();
    }
}

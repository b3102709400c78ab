package dev.bpf4j.kernel.read;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a test unmaps every ring it mapped: after each test, /proc/self/maps may list no more
 * mappings of BPF maps or perf events than before it.
 */
public final class NoMappingsLeft implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoMappingsLeft.class);

    /** Created by JUnit. */
    public NoMappingsLeft() {
    }

    static List<String> ringMappings() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                if (line.contains("anon_inode:bpf") || line.contains("perf_event")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/self/maps", e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("maps", ringMappings());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) context.getStore(NS).get("maps");
        List<String> left = new ArrayList<>(ringMappings());
        left.removeAll(before);
        if (!left.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("test left mappings behind: " + left);
        }
    }
}

package dev.bpf4j.kernel;

import dev.bpf4j.kernel.sys.Bpf;
import dev.bpf4j.kernel.sys.BpfCommand;
import dev.bpf4j.kernel.sys.Errno;
import dev.bpf4j.kernel.sys.Native;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides whether kernel tests can run here, and checks that each one leaves no BPF object file
 * descriptor (map, program, link, BTF, perf event) open behind it.
 */
public final class KernelExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(KernelExtension.class);
    private static volatile String unavailable;

    /** Created by JUnit for each class marked {@link KernelTest}. */
    public KernelExtension() {
    }

    /** Why the kernel cannot be used, or null when it can. */
    static synchronized String whyUnavailable() {
        if (unavailable == null) {
            unavailable = probe();
        }
        return unavailable.isEmpty() ? null : unavailable;
    }

    private static String probe() {
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").equals("Linux") || !(arch.equals("amd64") || arch.equals("aarch64"))) {
            return "kernel tests need Linux on x86_64 or arm64, this is " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch");
        }
        try {
            if (Native.geteuid() != 0) {
                return "kernel tests need root (effective uid is " + Native.geteuid() + ")";
            }
            int r = Bpf.nextId(BpfCommand.BPF_PROG_GET_NEXT_ID, 0);
            if (r < 0 && r != -Errno.ENOENT) {
                return "bpf(2) is unavailable: BPF_PROG_GET_NEXT_ID failed with " + Errno.describe(-r);
            }
            return "";
        } catch (Throwable t) {
            return "cannot call into the kernel: " + t;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(whyUnavailable(), System.getenv("BPF4J_REQUIRE_KERNEL"));
    }

    /** Run when the kernel is usable; otherwise skip with the reason, or fail if the kernel is required. */
    static ConditionEvaluationResult decide(String whyUnavailable, String requireKernel) {
        if (whyUnavailable == null) {
            return ConditionEvaluationResult.enabled("root and bpf(2) available");
        }
        if ("1".equals(requireKernel)) {
            throw new IllegalStateException("BPF4J_REQUIRE_KERNEL=1 but " + whyUnavailable);
        }
        return ConditionEvaluationResult.disabled(whyUnavailable);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("fds", bpfFds());
        context.getStore(NS).put("maxMapId", last(KernelObjects.mapIds()));
        context.getStore(NS).put("maxProgId", last(KernelObjects.programIds()));
    }

    private static int last(List<Integer> ids) {
        return ids.isEmpty() ? 0 : ids.getLast();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) context.getStore(NS).get("fds");
        List<String> after = bpfFds();
        List<String> leaked = new ArrayList<>(after);
        leaked.removeAll(before);
        if (!leaked.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("test leaked BPF file descriptors: " + leaked);
        }
        List<String> alive = survivors((int) context.getStore(NS).get("maxMapId"),
                (int) context.getStore(NS).get("maxProgId"));
        if (!alive.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("test left kernel objects alive: " + alive);
        }
    }

    /**
     * Test objects (named {@code t_*} or {@code results}) created since the ids were recorded that are
     * still alive. First waits, by listing ids only, for objects created during the test to go: the
     * kernel frees some (program arrays) from a work queue after the last close, and reopening such a map
     * by id while that work is pending makes the kernel leak a reference to it. Only what is still listed
     * after the wait, and therefore really alive, is opened to read its name (it may belong to another
     * process).
     */
    static List<String> survivors(int maxMapId, int maxProgId) {
        List<Integer> maps = List.of();
        List<Integer> progs = List.of();
        for (int attempt = 0; attempt < 40; attempt++) {
            maps = KernelObjects.mapIds().stream().filter(id -> id > maxMapId).toList();
            progs = KernelObjects.programIds().stream().filter(id -> id > maxProgId).toList();
            if (maps.isEmpty() && progs.isEmpty()) {
                return List.of();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> alive = new ArrayList<>();
        for (int id : maps) {
            try (BpfMap m = BpfMap.fromId(id)) {
                if (isTestName(m.name())) {
                    alive.add("map " + id + " " + m.name());
                }
            } catch (SyscallException gone) {
                // Freed between listing and opening.
            }
        }
        for (int id : progs) {
            try (BpfProgram p = BpfProgram.fromId(id)) {
                if (isTestName(p.name())) {
                    alive.add("program " + id + " " + p.name());
                }
            } catch (SyscallException gone) {
                // Freed between listing and opening.
            }
        }
        return alive;
    }

    private static boolean isTestName(String name) {
        return name.startsWith("t_") || name.equals("results");
    }

    /** The open fds of this process that refer to BPF objects or perf events, as "fd -> target". */
    static List<String> bpfFds() {
        List<String> fds = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    if (target.startsWith("anon_inode:bpf") || target.contains("perf_event")
                            || target.startsWith("anon_inode:[eventpoll]")) {
                        fds.add(p.getFileName() + " -> " + target);
                    }
                } catch (IOException gone) {
                    // The fd closed between listing and reading: not ours to worry about.
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc/self/fd", e);
        }
        return fds;
    }
}

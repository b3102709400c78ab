package dev.bpf4j.kernel.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Helpers for many links at once. Detaching a perf-event tracepoint waits for an RCU grace period (about
 * 80 ms each on the 6.18 test machines), so a tracer with hundreds of probes that closed them one by one
 * would take tens of seconds to exit; {@link #closeAll} closes them concurrently on virtual threads, so
 * the grace periods overlap.
 */
public final class Links {
    private Links() {
    }

    /**
     * Closes every link concurrently and waits for all; the first failure is rethrown after the others
     * have been closed, with later ones suppressed.
     */
    public static void closeAll(Collection<? extends Link> links) {
        if (links.size() <= 1) {
            links.forEach(Link::close);
            return;
        }
        RuntimeException failure = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> pending = new ArrayList<>();
            for (Link l : links) {
                pending.add(pool.submit(l::close));
            }
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    RuntimeException r = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException("closing a link failed", e.getCause());
                    if (failure == null) {
                        failure = r;
                    } else {
                        failure.addSuppressed(r);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while closing links", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

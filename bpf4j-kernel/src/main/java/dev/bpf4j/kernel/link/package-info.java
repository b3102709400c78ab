/**
 * Attaching loaded programs to kernel events, one class per attach kind (tracepoints, raw tracepoints,
 * tp_btf, uprobes, USDT, perf-event sampling, socket filters, XDP, TCX, cgroups, iterators, and the
 * kprobe/fentry/LSM kinds this kernel refuses). Each attach returns a {@link dev.bpf4j.kernel.link.Link}
 * whose {@code close()} detaches, idempotently; tracefs access lives in {@link dev.bpf4j.kernel.link.Tracefs}.
 */
package dev.bpf4j.kernel.link;

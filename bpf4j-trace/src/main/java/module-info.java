/**
 * bpf4j-trace: the bpftrace-compatible tracing language, compiled by our own passes straight to eBPF and
 * run through bpf4j-kernel, printing what bpftrace prints.
 */
module dev.bpf4j.trace {
    requires transitive dev.bpf4j.core;
    requires transitive dev.bpf4j.kernel;
}

/**
 * Reading what running programs produce: {@link dev.bpf4j.kernel.read.RingBufReader} for BPF ring
 * buffers, {@link dev.bpf4j.kernel.read.PerfBufReader} for perf event arrays, and
 * {@link dev.bpf4j.kernel.read.TracePipe} for {@code bpf_trace_printk} output. Records are handed out
 * in place as {@link java.lang.foreign.MemorySegment} views of the mapped rings (valid only during the
 * callback; copy what must outlive it): the foreign-memory type is part of this API so that reading costs
 * no copy, while every native call (mmap, epoll) stays in the unexported {@code kernel.sys} package.
 */
package dev.bpf4j.kernel.read;

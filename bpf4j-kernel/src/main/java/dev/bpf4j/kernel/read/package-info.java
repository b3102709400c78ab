/**
 * Reading what running programs produce: {@link dev.bpf4j.kernel.read.RingBufReader} for BPF ring
 * buffers, {@link dev.bpf4j.kernel.read.PerfBufReader} for perf event arrays, and
 * {@link dev.bpf4j.kernel.read.TracePipe} for {@code bpf_trace_printk} output. Records are handed out
 * in place as read-only {@link java.nio.ByteBuffer} views of the mapped rings (valid only during the
 * callback; copy what must outlive it), so reading costs no copy. The ring positions are read and written
 * with acquire/release {@link java.lang.invoke.VarHandle}s over those buffers; mmap and epoll stay in the
 * unexported {@code kernel.sys} package, the only one that uses {@code java.lang.foreign}.
 */
package dev.bpf4j.kernel.read;

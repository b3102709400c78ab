/**
 * Classic BPF (cBPF): the instruction model shared by the filter compiler, the interpreter, the checker
 * and the converter to eBPF. Opcode constants follow {@code linux/filter.h} and {@code pcap/bpf.h}.
 */
package dev.bpf4j.pcap.cbpf;

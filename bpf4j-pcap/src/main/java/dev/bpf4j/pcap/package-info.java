/**
 * Packet filtering's shared vocabulary ({@link dev.bpf4j.pcap.LinkType}). Subpackages: {@code filter} (the
 * libpcap filter language to classic BPF), {@code cbpf} (classic BPF instructions, interpreter, checker,
 * conversion to eBPF), {@code file} (pcap and pcapng) and {@code capture} (live capture through AF_PACKET).
 */
package dev.bpf4j.pcap;

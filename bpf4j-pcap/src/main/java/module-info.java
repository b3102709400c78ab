/**
 * bpf4j-pcap: packet filters as libpcap has them (the filter language compiled to classic BPF), the classic
 * BPF interpreter, checker and converter to eBPF, capture files and live capture.
 */
module dev.bpf4j.pcap {
    requires transitive dev.bpf4j.core;
    requires transitive dev.bpf4j.vm;
    requires transitive dev.bpf4j.kernel;

    exports dev.bpf4j.pcap;
    exports dev.bpf4j.pcap.cbpf;
}

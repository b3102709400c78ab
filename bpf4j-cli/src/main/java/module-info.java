/** bpf4j-cli: the command line. */
module dev.bpf4j.cli {
    requires dev.bpf4j.vm;
    requires dev.bpf4j.kernel;
    requires dev.bpf4j.trace;
    requires dev.bpf4j.pcap;
    requires info.picocli;
    opens dev.bpf4j.cli to info.picocli;
    opens dev.bpf4j.cli.vm to info.picocli;
    opens dev.bpf4j.cli.kernel to info.picocli;
}

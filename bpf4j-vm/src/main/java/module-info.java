/** bpf4j-vm: the userspace eBPF virtual machine. */
module dev.bpf4j.vm {
    requires transitive dev.bpf4j.core;
    exports dev.bpf4j.vm;
    exports dev.bpf4j.vm.interp;
    exports dev.bpf4j.vm.jit;
    exports dev.bpf4j.vm.maps;
    exports dev.bpf4j.vm.helpers;
}

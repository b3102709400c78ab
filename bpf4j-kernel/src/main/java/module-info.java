/**
 * bpf4j-kernel: the Linux kernel's bpf() interface from pure Java. Live maps and programs are built from
 * kernel-free specs; all foreign calls live in the unexported {@code dev.bpf4j.kernel.sys} package, so
 * applications need {@code --enable-native-access=dev.bpf4j.kernel} (or {@code ALL-UNNAMED} on the class path).
 */
module dev.bpf4j.kernel {
    requires transitive dev.bpf4j.core;

    exports dev.bpf4j.kernel;
    exports dev.bpf4j.kernel.link;
    exports dev.bpf4j.kernel.symbols;
    exports dev.bpf4j.kernel.read;
}

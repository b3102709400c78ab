/**
 * BPF Type Format (Documentation/bpf/btf.rst): reading the type information the kernel publishes in
 * {@code /sys/kernel/btf/vmlinux} and compilers put in {@code .BTF}. Today a minimal raw reader (header,
 * types, strings, struct members); the typed model and CO-RE relocation grow here.
 */
package dev.bpf4j.btf;

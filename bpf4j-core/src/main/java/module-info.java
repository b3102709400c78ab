/** bpf4j-core: kernel-free specs (instruction set, assembler, disassembler). */
module dev.bpf4j.core {
    exports dev.bpf4j;
    exports dev.bpf4j.isa;
    exports dev.bpf4j.elf;
    exports dev.bpf4j.asm;
    exports dev.bpf4j.btf;
}

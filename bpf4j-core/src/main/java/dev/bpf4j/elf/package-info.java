/**
 * Reading ELF64 objects, as {@code clang -target bpf} writes them: the header, sections by name and the
 * symbol table, in either byte order, with every offset checked against the file's size. This is the
 * first layer of the object loader; BTF, relocations and CO-RE build on it.
 */
package dev.bpf4j.elf;

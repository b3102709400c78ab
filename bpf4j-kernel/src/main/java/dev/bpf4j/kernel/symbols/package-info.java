/**
 * Symbols of user-space binaries for attaching probes: ELF function symbols ({@code .symtab} and
 * {@code .dynsym}) translated to file offsets through the program headers, and USDT probes
 * ({@code .note.stapsdt}) with their parsed argument specifications.
 */
package dev.bpf4j.kernel.symbols;

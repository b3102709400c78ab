/**
 * Helper functions a program calls by id: the {@link dev.bpf4j.vm.helpers.Helper} interface, the open
 * {@link dev.bpf4j.vm.helpers.HelperRegistry} (kernel numbering), what a helper can reach
 * ({@link dev.bpf4j.vm.helpers.HelperContext}) and the standard helpers grouped by subject (maps, ring
 * buffer, time and randomness, {@code trace_printk}, tail calls).
 */
package dev.bpf4j.vm.helpers;

/**
 * Userspace maps with the kernel's semantics: one class per map type ({@link dev.bpf4j.vm.maps.ArrayMap},
 * {@link dev.bpf4j.vm.maps.HashTableMap}, per-CPU variants, LRU, queue, stack, ring buffer, program array),
 * described by a {@link dev.bpf4j.vm.maps.MapSpec} and created by {@link dev.bpf4j.vm.maps.VmMap#create}.
 * Operations return the kernel's errors as negative errno values ({@link dev.bpf4j.vm.maps.Errno}), exactly
 * what the helpers hand back to the program.
 */
package dev.bpf4j.vm.maps;

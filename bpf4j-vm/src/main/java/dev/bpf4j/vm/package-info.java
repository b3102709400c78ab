/**
 * The userspace eBPF virtual machine's shared vocabulary: the address space ({@link dev.bpf4j.vm.Memory},
 * bounds-checked regions behind 64-bit virtual addresses), how a VM runs ({@link dev.bpf4j.vm.VmOptions})
 * and how a run fails ({@link dev.bpf4j.vm.VmException}, {@link dev.bpf4j.vm.MemoryFaultException}). The
 * engines live in subpackages: {@code interp} (the interpreter), {@code maps} (userspace maps),
 * {@code helpers} (helper functions). A program that misbehaves stops with a {@code VmException}; it can
 * never corrupt the VM or crash the JVM.
 */
package dev.bpf4j.vm;

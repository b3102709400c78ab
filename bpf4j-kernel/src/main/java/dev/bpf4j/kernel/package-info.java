/**
 * Live kernel objects built from kernel-free specs: {@link dev.bpf4j.kernel.BpfMap} from
 * {@link dev.bpf4j.kernel.MapSpec}, {@link dev.bpf4j.kernel.BpfProgram} from
 * {@link dev.bpf4j.kernel.ProgramSpec}, test runs, pinning in bpffs, object info and enumeration, and the
 * errors the kernel's answers become. Everything here owns file descriptors and needs a Linux kernel with
 * bpf(2); nothing here touches native memory (that is {@code dev.bpf4j.kernel.sys}'s job).
 */
package dev.bpf4j.kernel;

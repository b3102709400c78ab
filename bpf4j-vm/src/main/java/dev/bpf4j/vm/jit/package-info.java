/**
 * The JIT: each eBPF program becomes one hidden JVM class (built with {@code java.lang.classfile}), each of
 * its functions a static method with the eBPF registers as {@code long} locals, so HotSpot's own compilers
 * turn it into machine code. Semantics, memory model, helpers, maps, errors and the instruction budget are
 * exactly the interpreter's ({@link dev.bpf4j.vm.interp.Interpreter}); only the speed differs.
 *
 * <p>Picking an engine: {@link dev.bpf4j.vm.jit.JitProgram#of} costs a compilation (a millisecond or so,
 * then HotSpot warms the code up over the first runs) and pays off for programs that run long or often;
 * {@link dev.bpf4j.vm.interp.Interpreter#of} starts at once and suits one-shot or tiny programs. Both take
 * the same {@link dev.bpf4j.vm.VmOptions} and give the same answers; the CLI selects with
 * {@code --engine jit|interp}.
 */
package dev.bpf4j.vm.jit;

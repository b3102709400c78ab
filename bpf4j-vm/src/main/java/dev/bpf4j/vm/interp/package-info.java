/**
 * The interpreter: {@link dev.bpf4j.vm.interp.Interpreter} is the public entry; inside, a pre-decoding step
 * (instruction records to packed words with dense opcodes), the execute loop, and the machine state that
 * holds registers, call frames, tail calls and the context helpers see.
 */
package dev.bpf4j.vm.interp;

package dev.bpf4j.vm.jit;

import dev.bpf4j.vm.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.interp.Interpreter;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the conformance corpus gives its expected r0 on the JIT, executes as many instructions
 * as in the interpreter, and compiles to a class that {@link ClassFile#verify} accepts.
 */
class JitCorpusTest {
    static final ClassFile VERIFIER = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(
                    ClassHierarchyResolver.ofClassLoading(JitCorpusTest.class.getClassLoader()))));

    @TestFactory
    Stream<DynamicTest> everyCorpusProgram() throws IOException {
        return SharedData.corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Program p = Program.decode(c.program(), ByteOrder.LITTLE_ENDIAN);
            JitProgram jit = JitProgram.of(p);
            long r0 = jit.run(c.mem().length == 0 ? null : c.mem().clone());
            assertThat(Long.toHexString(r0)).as(c.name()).isEqualTo(Long.toHexString(c.expected()));
            Interpreter vm = Interpreter.of(p);
            vm.run(c.mem().length == 0 ? null : c.mem().clone());
            assertThat(jit.executedInstructions()).as("executed").isEqualTo(vm.executedInstructions());
            assertVerifies(JitCompiler.classBytes(p, VmOptions.defaults()));
        }));
    }

    static void assertVerifies(byte[] bytes) {
        List<VerifyError> errors = VERIFIER.verify(bytes);
        assertThat(errors).isEmpty();
    }

    @Test
    void corpusHasAllPrograms() throws IOException {
        assertThat(SharedData.corpus()).hasSize(313);
    }
}

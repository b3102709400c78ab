package dev.bpf4j.cli.vm;

import dev.bpf4j.cli.KernelAvailable;
import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.interp.Interpreter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backbone differential test: every corpus program the kernel's verifier accepts returns the same
 * r0 (and leaves the same memory) in the kernel, through BPF_PROG_TEST_RUN, as in the interpreter.
 */
@Tag("kernel")
class KernelEngineDifferentialTest {
    private static final Pattern FIELD = Pattern.compile("\"(name|mem|program)\": \"([^\"]*)\"");

    static Path corpus() {
        String shared = System.getenv("BPF4J_SHARED_DIR");
        return Path.of(shared != null ? shared : "/work/shared", "conformance", "corpus.jsonl");
    }

    @Test
    void kernelAndInterpreterAgreeOnEveryAcceptedCorpusProgram() throws IOException {
        KernelAvailable.assume();
        Path corpus = corpus();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(corpus), "no corpus at " + corpus);
        int accepted = 0;
        List<String> rejected = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank()) {
                continue;
            }
            String name = null;
            String mem = "";
            String hex = null;
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                switch (m.group(1)) {
                    case "name" -> name = m.group(2);
                    case "mem" -> mem = m.group(2).replace(" ", "");
                    default -> hex = m.group(2);
                }
            }
            Program program;
            try {
                program = Program.decode(HexFormat.of().parseHex(hex), ByteOrder.LITTLE_ENDIAN);
            } catch (RuntimeException undecodable) {
                continue;
            }
            byte[] kernelMem = HexFormat.of().parseHex(mem);
            long kernel;
            try {
                kernel = KernelEngine.run(program, kernelMem);
            } catch (KernelRejectionException e) {
                rejected.add(name);
                continue;
            }
            accepted++;
            byte[] vmMem = HexFormat.of().parseHex(mem);
            String vm;
            try {
                vm = ConformanceRunner.hex(Interpreter.of(program, VmOptions.defaults()).run(vmMem));
            } catch (VmException e) {
                vm = "error: " + e.getMessage();
            }
            if (!vm.equals(ConformanceRunner.hex(kernel))) {
                disagreements.add(name + ": kernel " + ConformanceRunner.hex(kernel) + ", interpreter " + vm);
            } else if (!Arrays.equals(kernelMem, vmMem)) {
                disagreements.add(name + ": memory differs after the run");
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(accepted).as("accepted; rejected: %s", rejected).isGreaterThan(280);
    }

    @Test
    void aWrappedProgramSeesItsMemoryAndReturnsAll64Bits() {
        KernelAvailable.assume();
        // r0 = *(u64 *)(r1 + 0) + r2 (the length); *(u8 *)(r1 + 0) = 7
        Program p = dev.bpf4j.asm.Assembler.assemble("""
                ldxdw %r0, [%r1]
                add %r0, %r2
                stb [%r1], 7
                exit
                """);
        byte[] mem = {1, 0, 0, 0, 0, 0, 0, (byte) 0x80};
        assertThat(KernelEngine.run(p, mem)).isEqualTo(0x8000000000000009L);
        assertThat(mem[0]).isEqualTo((byte) 7);
    }

    @Test
    void aLoopTooLongToVerifyIsARejection() {
        KernelAvailable.assume();
        Program p = dev.bpf4j.asm.Assembler.assemble("mov %r0, 0\nadd %r0, 1\njlt %r0, 2000000, -2\nexit\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KernelEngine.run(p, null))
                .isInstanceOf(KernelRejectionException.class)
                .hasMessageContaining("too large or loops too long to verify");
    }

    @Test
    void aProgramUsingMapsIsRefusedWithAReason() {
        KernelAvailable.assume();
        Program p = dev.bpf4j.asm.ProgramBuilder.build(b -> b.ldMap(dev.bpf4j.isa.Reg.R1, "counts")
                .mov64(dev.bpf4j.isa.Reg.R0, 0).exit());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KernelEngine.run(p, null))
                .isInstanceOf(dev.bpf4j.BpfException.class)
                .hasMessageStartingWith("--engine kernel runs programs without maps: ");
    }

    @Test
    void aRefusedProgramNamesTheVerifiersDecisiveLine() {
        KernelAvailable.assume();
        Program p = dev.bpf4j.asm.Assembler.assemble("lsh %r0, 68\nexit\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KernelEngine.run(p, new byte[0]))
                .isInstanceOf(KernelRejectionException.class)
                .hasMessageStartingWith("rejected by the kernel verifier: ");
    }

    @Test
    void repeatedRunsReuseOneLoadedProgramAndReloadOnlyForANewMemoryLength() {
        KernelAvailable.assume();
        // r0 = the first byte + the length; the first byte is then doubled in place.
        Program p = dev.bpf4j.asm.Assembler.assemble("""
                ldxb %r0, [%r1]
                mov %r3, %r0
                lsh %r3, 1
                stxb [%r1], %r3
                add %r0, %r2
                exit
                """);
        java.util.Set<Integer> before = java.util.Set.copyOf(dev.bpf4j.kernel.KernelObjects.programIds());
        try (Engine.Prepared prepared = KernelEngine.prepare(p)) {
            for (int i = 0; i < 3; i++) {
                byte[] mem = {5, 0, 0, 0};
                assertThat(prepared.run(mem)).isEqualTo(9);
                assertThat(mem[0]).isEqualTo((byte) 10);
            }
            assertThat(newPrograms(before)).hasSize(1);
            byte[] longer = {3, 0, 0, 0, 0, 0, 0, 0};
            assertThat(prepared.run(longer)).isEqualTo(11);
            assertThat(newPrograms(before)).hasSize(1);
        }
        assertThat(newPrograms(before)).isEmpty();
    }

    /** Programs named as the kernel engine names its wrapper that were not there before (others may load too). */
    private static java.util.List<Integer> newPrograms(java.util.Set<Integer> before) {
        return dev.bpf4j.kernel.KernelObjects.programIds().stream().filter(id -> !before.contains(id))
                .filter(id -> {
                    try (dev.bpf4j.kernel.BpfProgram prog = dev.bpf4j.kernel.BpfProgram.fromId(id)) {
                        return prog.info().name().equals("bpf4j_exec");
                    } catch (RuntimeException gone) {
                        return false; // unloaded meanwhile
                    }
                }).toList();
    }
}

package dev.bpf4j.asm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each assembly error is one clean line naming the line number, the reason and the text. */
class AssemblerNegativeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mov32 %r0, 2147483648       | line 1: immediate 2147483648 is out of range for 32 bits: mov32 %r0, 2147483648
            mov32 %r0, 0x100000000      | line 1: immediate 0x100000000 is out of range for 32 bits: mov32 %r0, 0x100000000
            mov32 %r0, -2147483649      | line 1: immediate -2147483649 is out of range for 32 bits: mov32 %r0, -2147483649
            ja NOT_A_LABEL              | line 1: undefined label 'NOT_A_LABEL': ja NOT_A_LABEL
            lock or [%r10-8]            | line 1: invalid number of operands for lock (expected lock [fetch] OP [%rN+off], %rM): lock or [%r10-8]
            lock                        | line 1: invalid number of operands for lock (expected lock [fetch] OP [%rN+off], %rM): lock
            lock sub [%r10-8], %r1      | line 1: unknown atomic operation 'sub' (expected add, or, and, xor, xchg, cmpxchg): lock sub [%r10-8], %r1
            ldxq %r0, %r1               | line 1: unknown mnemonic 'ldxq': ldxq %r0, %r1
            ldxb %r0, %r1               | line 1: expected a memory operand [%rN+offset], got '%r1': ldxb %r0, %r1
            ldxb %r0, [%r1+0x10000]     | line 1: offset +0x10000 is out of range for 16 bits: ldxb %r0, [%r1+0x10000]
            lddw %r0                    | line 1: invalid number of operands for lddw (expected 2, got 1): lddw %r0
            or %r0, %r50                | line 1: invalid register '%r50' (eBPF has r0..r10): or %r0, %r50
            ja +40000                   | line 1: jump offset +40000 is out of range for 16 bits: ja +40000
            w0 = 2147483648             | line 1: immediate 2147483648 is out of range for 32 bits: w0 = 2147483648
            if r1 > w2 goto +1          | line 1: expected a 64-bit r register, got w2: if r1 > w2 goto +1
            r0 = *(u8 *)(r1 + 70000)    | line 1: offset +70000 is out of range for 16 bits: r0 = *(u8 *)(r1 + 70000)
            r1 = r2 + r3                | line 1: unknown instruction: r1 = r2 + r3
            call local nowhere          | line 1: undefined label 'nowhere': call local nowhere
            """)
    void rejectsWithExactMessage(String text, String message) {
        assertThatThrownBy(() -> Assembler.assemble(text)).isInstanceOf(AsmException.class).hasMessage(message.strip());
    }

    @Test
    void reportsTheRightLineAndDuplicateLabels() {
        assertThatThrownBy(() -> Assembler.assemble("mov %r0, 0\n# comment\n\nfoo:\nfoo:\nexit\n"))
                .isInstanceOf(AsmException.class).hasMessage("line 5: duplicate label 'foo': foo:")
                .extracting(e -> ((AsmException) e).line()).isEqualTo(5);
        assertThatThrownBy(() -> Assembler.assemble("exit\n  bogus line  # trailing\n"))
                .hasMessage("line 2: unknown mnemonic 'bogus': bogus line");
    }

    @Test
    void namesTheSource() {
        assertThatThrownBy(() -> Assembler.assemble("exit\nfoo %r0\n", "prog.s")).isInstanceOf(AsmException.class)
                .hasMessage("prog.s: line 2: unknown mnemonic 'foo': foo %r0");
    }

    @Test
    void labelledJumpsMustFitSixteenBits() {
        String far = "ja far\n" + "mov %r0, 0\n".repeat(40000) + "far:\nexit\n";
        assertThatThrownBy(() -> Assembler.assemble(far)).isInstanceOf(AsmException.class)
                .hasMessageStartingWith("line 1: jump to 'far' is 40000 slots away");
        Assembler.assemble(far.replaceFirst("ja far", "ja32 far"));
    }

    /** Every conformance negative test with an asm section: a program or a one-line AsmException. */
    @Test
    void conformanceNegativesFailCleanly() throws IOException {
        try (Stream<Path> files = Files.list(Conformance.shared().resolve("conformance/negative"))) {
            for (Path file : files.sorted().toList()) {
                String asm = Conformance.asmSection(file);
                if (asm == null) {
                    continue;
                }
                try {
                    Assembler.assemble(asm);
                } catch (AsmException e) {
                    if (e.getMessage().contains("\n") || !e.getMessage().startsWith("line ")) {
                        fail(file + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}

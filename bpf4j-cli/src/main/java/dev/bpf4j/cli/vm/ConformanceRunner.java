package dev.bpf4j.cli.vm;

import dev.bpf4j.BpfException;
import dev.bpf4j.asm.AsmException;
import dev.bpf4j.asm.Assembler;
import dev.bpf4j.isa.InvalidInsnException;
import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import java.nio.ByteOrder;

/**
 * Runs one conformance test and judges it. A test passes only if its program is valid, runs, and ends
 * as expected: with exactly the expected r0, or with a run-time error when {@code -- error} is given. A
 * program that does not assemble or decode is a broken test and fails, whatever it expected, so that
 * invalid encodings can never pass as "expected errors".
 */
public final class ConformanceRunner {
    private final Engine engine;
    private final VmOptions options;

    /** A runner on {@code engine} with {@code options} (the budget bounds every test's run). */
    public ConformanceRunner(Engine engine, VmOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /** A test's verdict: {@code reason} is null when it passed. */
    public record Verdict(String name, String reason) {
        /** True if the test passed. */
        public boolean passed() {
            return reason == null;
        }
    }

    /** Judges {@code test}. Never throws for anything the test contains. */
    public Verdict judge(ConformanceFile test) {
        Program program;
        try {
            program = test.asm() != null ? Assembler.assemble(test.asm())
                    : Program.decode(test.raw(), ByteOrder.LITTLE_ENDIAN);
        } catch (AsmException e) {
            return fail(test, "does not assemble: " + e.getMessage());
        } catch (InvalidInsnException e) {
            return fail(test, "invalid program: " + e.getMessage());
        }
        if (program.insns().isEmpty()) {
            return fail(test, "the program is empty");
        }
        long r0;
        try {
            try (Engine.Prepared prepared = engine.prepare(program, options)) {
                r0 = prepared.run(test.mem().clone());
            }
        } catch (VmException e) {
            if (test.expectedError() != null) {
                return new Verdict(test.name(), null);
            }
            return fail(test, "expected r0=" + hex(test.result()) + ", but the program stopped: " + e.getMessage());
        } catch (KernelRejectionException e) {
            // A refusal is the expected error only if it says what the test expects: the verifier refuses
            // for its own reasons (an unread register, say), which need not be the error the test is about.
            String expected = test.expectedError();
            if (expected != null && (expected.isEmpty() || e.getMessage().contains(expected))) {
                return new Verdict(test.name(), null);
            }
            return fail(test, (expected != null ? "expected an error ('" + expected + "'), but " : "")
                    + e.getMessage());
        } catch (BpfException e) {
            return fail(test, "cannot run: " + e.getMessage());
        }
        if (test.expectedError() != null) {
            return fail(test, "expected an error" + (test.expectedError().isEmpty() ? "" : " ('"
                    + test.expectedError() + "')") + ", but the program returned r0=" + hex(r0));
        }
        if (r0 != test.result()) {
            return fail(test, "expected r0=" + hex(test.result()) + ", got r0=" + hex(r0));
        }
        return new Verdict(test.name(), null);
    }

    private static Verdict fail(ConformanceFile test, String reason) {
        return new Verdict(test.name(), reason);
    }

    /** r0 as the suite writes it: {@code 0x} and lower-case hex, no leading zeros. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}

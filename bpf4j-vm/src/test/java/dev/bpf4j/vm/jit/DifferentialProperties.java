package dev.bpf4j.vm.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Program;
import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.VmException;
import dev.bpf4j.vm.VmOptions;
import dev.bpf4j.vm.helpers.HelperRegistry;
import dev.bpf4j.vm.interp.Interpreter;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The interpreter and the JIT agree on thousands of generated programs ({@link ProgramGenerator}): the same
 * r0 or the same error message, the same input memory and stack afterwards, the same executed-instruction
 * count. Each try runs {@code bpf4j.jit.programsPerTry} programs (system property, default 3; 1000 tries, so
 * 3000 programs): {@code ./mvnw -pl bpf4j-core,bpf4j-vm test -Dtest=DifferentialProperties
 * -Dbpf4j.jit.programsPerTry=100} runs 100 000.
 */
class DifferentialProperties {
    private static final int PER_TRY = Integer.getInteger("bpf4j.jit.programsPerTry", 3);
    private static final VmOptions OPTIONS = VmOptions.defaults().withBudget(3_000).withTraceSink(s -> { })
            .withHelpers(HelperRegistry.standard()
                    .with(ProgramGenerator.HELPER_MIX, "mix", (ctx, a, b, c, d, e) -> a * 31 + b ^ (c - d) * e)
                    .with(ProgramGenerator.HELPER_FAILS, "fails", (ctx, a, b, c, d, e) -> {
                        throw new IllegalStateException("boom " + (a & 0xff));
                    }));

    record Outcome(String result, byte[] mem, byte[] stack, long executed) {
    }

    @Property(tries = 1000)
    void interpreterAndJitAgree(@ForAll long seed) {
        for (int k = 0; k < PER_TRY; k++) {
            long s = seed * 31 + k;
            Program p = new ProgramGenerator(s).generate();
            byte[] mem = new byte[64];
            new Random(s).nextBytes(mem);
            Outcome want = interpreter(p, mem.clone());
            Outcome got = jit(p, mem.clone());
            String where = "seed " + s + "\n" + p.insns();
            assertThat(got.result()).as(where).isEqualTo(want.result());
            assertThat(got.mem()).as(where).isEqualTo(want.mem());
            assertThat(got.stack()).as(where).isEqualTo(want.stack());
            assertThat(got.executed()).as(where).isEqualTo(want.executed());
            Statistics.collect(kind(want.result()));
        }
    }

    /** What kind of outcome a run had, for the statistics jqwik prints (the mix shows the generator's reach). */
    private static String kind(String result) {
        if (!result.contains(": ")) {
            return "r0";
        }
        String m = result.replaceAll("instruction \\d+: ", "");
        return m.contains("out of bounds") ? "memory fault" : m.contains("budget") ? "budget" : m.contains("helper")
                ? "helper error" : m.substring(0, Math.min(30, m.length()));
    }

    private static Outcome interpreter(Program p, byte[] mem) {
        Interpreter vm;
        try {
            vm = Interpreter.of(p, OPTIONS);
        } catch (VmException e) {
            return new Outcome("compile: " + e.getMessage(), mem, null, 0);
        }
        String r;
        try {
            r = Long.toHexString(vm.run(mem));
        } catch (VmException e) {
            r = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Outcome(r, mem, stack(vm.memory()), vm.executedInstructions());
    }

    private static Outcome jit(Program p, byte[] mem) {
        JitProgram vm;
        try {
            vm = JitProgram.of(p, OPTIONS);
        } catch (VmException e) {
            return new Outcome("compile: " + e.getMessage(), mem, null, 0);
        }
        String r;
        try {
            r = Long.toHexString(vm.run(mem));
        } catch (VmException e) {
            r = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Outcome(r, mem, stack(vm.memory()), vm.executedInstructions());
    }

    private static byte[] stack(Memory m) {
        byte[][] t = m.table();
        byte[] out = new byte[0];
        for (int f = 0; f < 2; f++) {
            byte[] frame = t[Memory.STACK_REGION + f];
            out = Arrays.copyOf(out, out.length + frame.length);
            System.arraycopy(frame, 0, out, out.length - frame.length, frame.length);
        }
        return out;
    }
}

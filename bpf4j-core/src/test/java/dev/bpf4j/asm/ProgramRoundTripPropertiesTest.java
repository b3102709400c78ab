package dev.bpf4j.asm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Target;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whole random programs whose jumps and calls land on instructions (across two-slot lddw): bytes to text in
 * each syntax and each shape (plain, labelled, listing) and back give the same bytes.
 */
class ProgramRoundTripPropertiesTest {
    @Provide
    Arbitrary<byte[]> programs() {
        Arbitrary<List<Insn>> bodies = Insns.all().list().ofMinSize(1).ofMaxSize(30);
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 1000).list().ofSize(30);
        return Combinators.combine(bodies, picks).as(ProgramRoundTripPropertiesTest::retarget);
    }

    /** Points every jump, call and function address at a real instruction of the program. */
    private static byte[] retarget(List<Insn> body, List<Integer> picks) {
        List<Insn> insns = new ArrayList<>(body);
        insns.add(new Insn.Exit());
        int[] slot = Program.of(insns).slotIndex();
        List<Insn> out = new ArrayList<>();
        for (int k = 0; k < insns.size(); k++) {
            int rel = slot[picks.get(k % picks.size()) % insns.size()] - slot[k] - 1;
            Target t = Target.offset(rel);
            Insn insn = insns.get(k);
            out.add(switch (insn) {
                case Insn.Jump j -> new Insn.Jump(j.wide(), j.op(), j.dst(), j.src(), t);
                case Insn.Goto g -> new Insn.Goto(t, g.longOffset());
                case Insn.Call.Local c -> new Insn.Call.Local(t);
                case Insn.LoadImm64 l when l.source() == PseudoSource.FUNC -> new Insn.LoadImm64(l.dst(), l.source(), rel, null);
                default -> insn;
            });
        }
        return Program.of(out).toBytes();
    }

    @Property(tries = 500)
    void everyShapeReassembles(@ForAll("programs") byte[] bytes) {
        Program p = Program.decode(bytes, ByteOrder.LITTLE_ENDIAN);
        for (Syntax syntax : Syntax.values()) {
            assertThat(Assembler.assemble(Disassembler.disassemble(p, syntax)).toBytes()).isEqualTo(bytes);
            assertThat(Assembler.assemble(Disassembler.disassembleLabelled(p, syntax)).toBytes()).isEqualTo(bytes);
            assertThat(Assembler.assemble(Disassembler.listing(p, syntax)).toBytes()).isEqualTo(bytes);
        }
    }
}

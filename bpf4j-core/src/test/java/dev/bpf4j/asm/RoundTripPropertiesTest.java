package dev.bpf4j.asm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.InsnCodec;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.RawInsn;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Encoding, decoding, printing and re-assembling are exact inverses for every valid instruction. */
class RoundTripPropertiesTest {
    @Provide
    Arbitrary<Insn> insns() {
        return Insns.all();
    }

    private static List<RawInsn> encode(Insn insn) {
        return Program.of(List.of(insn)).encode();
    }

    @Property(tries = 3000)
    void encodeThenDecodeIsIdentity(@ForAll("insns") Insn insn) {
        assertThat(InsnCodec.decode(encode(insn), 0)).isEqualTo(insn);
    }

    @Property(tries = 3000)
    void llvmTextReassemblesExactly(@ForAll("insns") Insn insn) {
        textRoundTrip(insn, Syntax.LLVM);
    }

    @Property(tries = 3000)
    void ubpfTextReassemblesExactly(@ForAll("insns") Insn insn) {
        textRoundTrip(insn, Syntax.UBPF);
    }

    private static void textRoundTrip(Insn insn, Syntax syntax) {
        List<RawInsn> raw = encode(insn);
        Insn decoded = InsnCodec.decode(raw, 0);
        String text = Disassembler.format(decoded, syntax);
        Program back = Assembler.assemble(text);
        assertThat(back.insns()).as(text).containsExactly(decoded);
        assertThat(back.encode()).as(text).isEqualTo(raw);
    }
}

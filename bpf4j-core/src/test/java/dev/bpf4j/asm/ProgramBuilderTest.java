package dev.bpf4j.asm;

import static dev.bpf4j.isa.Reg.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpf4j.isa.AtomicOp;
import dev.bpf4j.isa.Imm;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder produces the same bytes as the equivalent assembly text, for every instruction family. */
class ProgramBuilderTest {
    @Test
    void loopExample() {
        Program p = ProgramBuilder.build(b -> b.mov64(R0, 0).label("loop").add64(R0, 1).jlt(R0, 10, "loop").exit());
        assertThat(p.toBytes()).isEqualTo(Assembler.assemble("""
                mov %r0, 0
                loop:
                add %r0, 1
                jlt %r0, 10, loop
                exit
                """).toBytes());
    }

    @Test
    void everyFamilyMatchesTheAssembler() {
        Program built = ProgramBuilder.build(b -> b
                .mov32(R0, -1).mov64(R1, R2).add32(R1, R2).sub64(R1, 3).mul64(R1, R2).div32(R1, 2).sdiv64(R1, R2)
                .mod64(R1, 3).smod32(R1, R2).or64(R1, 1).and32(R1, R2).xor64(R1, R2).lsh64(R1, 63).rsh32(R1, R2)
                .arsh64(R1, 2).neg64(R1).neg32(R2).movsx64(R1, R2, 32).movsx32(R1, R2, 8)
                .le(R1, 16).be(R1, 32).bswap(R1, 64)
                .label("top")
                .jeq(R1, 0, "top").jne(R1, R2, "top").jset(R1, 4, "end").jsle(R1, R2, "end")
                .jump32(JumpOp.JGT, R1, new Imm(5), "end").jump(JumpOp.JLT, R1, R2, 1)
                .ja("end").ja(0).gotol("top").gotol(0)
                .ldx(MemSize.B, R0, R1, 2).ldxs(MemSize.H, R0, R1, -2).stx(MemSize.DW, R10, -8, R1)
                .st(MemSize.W, R10, -4, 7)
                .atomicAdd64(R10, -8, R1).atomic(AtomicOp.OR, true, MemSize.W, R10, -4, R2)
                .xchg(MemSize.DW, R10, -8, R3).cmpxchg(MemSize.W, R10, -8, R4)
                .lddw(R1, 0x1122334455667788L)
                .call(5).callLocal("fn").callKfunc(100, 2).callx(R2)
                .ldabs(MemSize.H, 12).ldind(MemSize.B, R1, 3)
                .label("end")
                .exit()
                .label("fn")
                .ldFunc(R1, "fn")
                .exit());
        Program text = Assembler.assemble("""
                mov32 %r0, -1
                r1 = r2
                add32 %r1, %r2
                sub %r1, 3
                mul %r1, %r2
                div32 %r1, 2
                sdiv %r1, %r2
                mod %r1, 3
                smod32 %r1, %r2
                or %r1, 1
                and32 %r1, %r2
                xor %r1, %r2
                lsh %r1, 63
                rsh32 %r1, %r2
                arsh %r1, 2
                neg %r1
                w2 = -w2
                movsx3264 %r1, %r2
                w1 = (s8)w2
                le16 %r1
                r1 = be32 r1
                bswap64 %r1
                top:
                jeq %r1, 0, top
                if r1 != r2 goto top
                jset %r1, 4, end
                jsle %r1, %r2, end
                if w1 > 5 goto end
                jlt %r1, %r2, +1
                goto end
                ja +0
                gotol top
                ja32 +0
                ldxb %r0, [%r1+2]
                r0 = *(s16 *)(r1 - 2)
                stxdw [%r10-8], %r1
                stw [%r10-4], 7
                lock add [%r10-8], %r1
                w2 = atomic_fetch_or((u32 *)(r10 - 4), w2)
                lock xchg [%r10-8], %r3
                lock cmpxchg32 [%r10-8], %r4
                r1 = 0x1122334455667788 ll
                call 5
                call fn
                call runtime 100, 2
                callx r2
                ldabsh 12
                r0 = *(u8 *)skb[r1 + 3]
                end:
                exit
                fn:
                ld_pseudo r1, 4, fn
                exit
                """);
        assertThat(built.toBytes()).isEqualTo(text.toBytes());
        assertThat(built.insns()).hasSize(text.insns().size());
    }

    @Test
    void mapReferencesStaySymbolic() {
        Program p = ProgramBuilder.build(b -> b.ldMap(R1, "events").ldMapValue(R2, "cfg", 8).exit());
        assertThat(p.insns().get(0)).isEqualTo(new Insn.LoadImm64(R1, PseudoSource.MAP_FD, 0, "events"));
        assertThatThrownBy(p::toBytes).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events");
        var raw = p.encode(name -> name.equals("events") ? 3 : 4);
        assertThat(raw.get(0).imm()).isEqualTo(3);
        assertThat(raw.get(0).src()).isEqualTo(1);
        assertThat(raw.get(2).imm()).isEqualTo(4);
        assertThat(raw.get(3).imm()).isEqualTo(8);
        assertThat(Disassembler.format(p.insns().get(1), Syntax.LLVM)).isEqualTo("ld_pseudo\tr2, 0x2, cfg, 0x8");
        assertThat(Assembler.assemble(Disassembler.disassemble(p, Syntax.UBPF)).insns()).isEqualTo(p.insns());
    }

    @Test
    void labelErrors() {
        assertThatThrownBy(() -> ProgramBuilder.build(b -> b.label("a").label("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate label 'a'");
        assertThatThrownBy(() -> ProgramBuilder.build(b -> b.ja("nowhere").exit()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown label 'nowhere'");
        assertThat(ProgramBuilder.build(b -> b.exit()).labels()).isEqualTo(Map.of());
    }
}

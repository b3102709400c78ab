package dev.bpf4j.kernel.symbols;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsdtArgumentTest {

    @Test
    void parsesRegisterMemoryAndConstantOperands() {
        assertThat(UsdtArgument.parse("-4@%edi"))
                .isEqualTo(new UsdtArgument(4, true, UsdtArgument.Kind.REGISTER, "edi", 0));
        assertThat(UsdtArgument.parse("8@-8(%rbp)"))
                .isEqualTo(new UsdtArgument(8, false, UsdtArgument.Kind.MEMORY, "rbp", -8));
        assertThat(UsdtArgument.parse("8@(%rax)"))
                .isEqualTo(new UsdtArgument(8, false, UsdtArgument.Kind.MEMORY, "rax", 0));
        assertThat(UsdtArgument.parse("4@$42"))
                .isEqualTo(new UsdtArgument(4, false, UsdtArgument.Kind.CONSTANT, null, 42));
        assertThat(UsdtArgument.parse("-2@$-1").value()).isEqualTo(-1);
        assertThat(UsdtArgument.parse("8@0x10(%rsp)").value()).isEqualTo(16);
        assertThat(UsdtArgument.parse("8@x1"))
                .isEqualTo(new UsdtArgument(8, false, UsdtArgument.Kind.REGISTER, "x1", 0));
        assertThat(UsdtArgument.parse("-4@[sp, 12]"))
                .isEqualTo(new UsdtArgument(4, true, UsdtArgument.Kind.MEMORY, "sp", 12));
    }

    @Test
    void printsBackInSpecSyntax() {
        assertThat(UsdtArgument.parse("8@-8(%rbp)")).hasToString("8@-8(%rbp)");
        assertThat(UsdtArgument.parse("-4@%edi")).hasToString("-4@%edi");
    }

    @Test
    void rejectsMalformedSpecsNamingThem() {
        assertThatThrownBy(() -> UsdtArgument.parse("%edi")).hasMessageContaining("'%edi' has no size@ prefix");
        assertThatThrownBy(() -> UsdtArgument.parse("3@%edi")).hasMessageContaining("size 3");
        assertThatThrownBy(() -> UsdtArgument.parse("4@$zz")).hasMessageContaining("bad number");
    }
}

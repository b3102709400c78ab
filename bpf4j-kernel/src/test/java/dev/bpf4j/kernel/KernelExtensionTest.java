package dev.bpf4j.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The skip-or-fail decision of {@link KernelExtension}, without a kernel. */
class KernelExtensionTest {
    @Test
    void skipsWithTheReasonUnlessTheKernelIsRequired() {
        assertThat(KernelExtension.decide(null, "1").isDisabled()).isFalse();
        var skipped = KernelExtension.decide("kernel tests need root (effective uid is 1000)", null);
        assertThat(skipped.isDisabled()).isTrue();
        assertThat(skipped.getReason().orElseThrow()).contains("need root");
        assertThat(KernelExtension.decide("no bpf", "0").isDisabled()).isTrue();
        assertThatThrownBy(() -> KernelExtension.decide("no bpf", "1"))
                .hasMessage("BPF4J_REQUIRE_KERNEL=1 but no bpf");
    }
}

package dev.bpf4j.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The region table: growth is bounded per run, and a reset frees what the run mapped. */
class MemoryTest {
    @Test
    void aRunCannotMapRegionsWithoutBound() {
        Memory memory = new Memory();
        assertThatThrownBy(() -> {
            for (int i = 0; i <= Memory.MAX_REGIONS; i++) {
                memory.addressOf(new byte[1], "map value");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("in one run");
        memory.resetDynamic();
        long a = memory.addressOf(new byte[8], "map value");
        assertThat(Memory.regionOf(a)).isLessThan(64);
    }
}

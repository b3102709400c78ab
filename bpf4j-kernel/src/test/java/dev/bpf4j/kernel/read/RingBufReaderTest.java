package dev.bpf4j.kernel.read;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring walk on plain memory laid out as the kernel lays out a ring buffer (the data area present
 * twice, as the double mapping shows it), so that states a program cannot leave behind, a record still
 * BUSY, can be tested.
 */
class RingBufReaderTest {
    private static final int PAGE = 64; // any size works for plain memory
    private static final long SIZE = 64;
    private final ByteBuffer consumerPage = ByteBuffer.allocateDirect(PAGE + 8).alignedSlice(8).order(ByteOrder.nativeOrder());
    private final ByteBuffer producerArea =
            ByteBuffer.allocateDirect((int) (PAGE + 2 * SIZE) + 8).alignedSlice(8).order(ByteOrder.nativeOrder());
    private final RingBufReader reader = new RingBufReader(consumerPage, producerArea, SIZE, PAGE, null, List.of());

    /** Writes a record at ring position {@code pos} into both copies of the data; returns the next position. */
    private long put(long pos, int header, long... words) {
        long at = pos & (SIZE - 1);
        for (long copy : new long[] {PAGE + at, PAGE + SIZE + at}) {
            producerArea.putInt((int) copy, header);
            for (int i = 0; i < words.length; i++) {
                long off = copy + 8 + 8L * i;
                if (off < PAGE + 2 * SIZE) {
                    producerArea.putLong((int) off, words[i]);
                }
                long wrapped = PAGE + ((at + 8 + 8L * i) & (SIZE - 1));
                producerArea.putLong((int) wrapped, words[i]);
            }
        }
        return pos + 8 + 8L * words.length;
    }

    private void producedUpTo(long pos) {
        producerArea.putLong(0, pos);
    }

    private List<Long> firstWords() {
        List<Long> out = new ArrayList<>();
        reader.consume(r -> out.add(r.getLong(0)));
        return out;
    }

    @Test
    void stopsAtABusyRecordAndResumesOnceItIsCommitted() {
        long p = put(0, 8, 11);
        long busyAt = p;
        p = put(p, RingBufReader.BUSY_BIT | 8, 22);
        p = put(p, 8, 33);
        producedUpTo(p);
        assertThat(firstWords()).containsExactly(11L);
        assertThat(consumerPage.getLong(0)).isEqualTo(16);
        assertThat(firstWords()).isEmpty();
        put(busyAt, 8, 22); // the producer commits
        assertThat(firstWords()).containsExactly(22L, 33L);
        assertThat(consumerPage.getLong(0)).isEqualTo(p);
        assertThat(reader.pending()).isZero();
    }

    @Test
    void skipsDiscardedRecordsButAdvancesPastThem() {
        long p = put(0, RingBufReader.DISCARD_BIT | 16, 1, 2);
        p = put(p, 8, 3);
        producedUpTo(p);
        assertThat(firstWords()).containsExactly(3L);
        assertThat(reader.discardedRecords()).isEqualTo(1);
        assertThat(consumerPage.getLong(0)).isEqualTo(p);
    }

    @Test
    void aRecordAcrossTheRingEndIsOneSlice() {
        consumerPage.putLong(0, 48);
        long p = put(48, 24, 7, 8, 9); // bytes 48..80 of a 64-byte ring
        producedUpTo(p);
        List<long[]> seen = new ArrayList<>();
        reader.consume(r -> {
            long[] words = new long[r.remaining() / 8];
            r.asLongBuffer().get(words);
            seen.add(words);
        });
        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst()).containsExactly(7, 8, 9);
    }

    @Test
    void aCopiedRecordHoldsExactlyItsBytes() {
        long p = put(0, 12, 0x0807060504030201L, 0x0c0b0a09L);
        producedUpTo(p);
        List<byte[]> copies = reader.consumeCopies();
        assertThat(copies).containsExactly(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    }

    @Test
    void lengthsAreRoundedUpToEightBytes() {
        long p = put(0, 5, 0x0504030201L);
        producedUpTo(p);
        List<Long> sizes = new ArrayList<>();
        reader.consume(r -> sizes.add((long) r.remaining()));
        assertThat(sizes).containsExactly(5L);
        assertThat(consumerPage.getLong(0)).isEqualTo(16);
    }
}

package dev.bpf4j.vm.interp;

/**
 * A program pre-decoded for the execute loop: one packed word per instruction (layout in {@link Op}), a
 * sentinel word after the last, the 64-bit constants of its {@code lddw}s, and each instruction's slot
 * index so faults can name the instruction as the encoded program numbers it.
 *
 * @param words  packed instructions, {@code insnCount + 1} long (the last is {@link Op#FALL_OFF})
 * @param consts {@code lddw} values, already resolved to addresses where they name maps
 * @param slots  slot index of each instruction, and of the end
 */
record Code(long[] words, long[] consts, int[] slots) {
    /** The slot index of instruction {@code pc}, for messages. */
    int slotOf(int pc) {
        return slots[Math.min(Math.max(pc, 0), slots.length - 1)];
    }
}

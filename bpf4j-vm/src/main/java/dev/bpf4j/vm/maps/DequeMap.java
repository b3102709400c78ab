package dev.bpf4j.vm.maps;

import java.util.ArrayDeque;

/**
 * {@code BPF_MAP_TYPE_QUEUE} (first in, first out) and {@code BPF_MAP_TYPE_STACK} (last in, first out): at most
 * {@code max_entries} values, no keys. The two differ only in which end {@code pop} and {@code peek} take from.
 * Pushing onto a full map fails with {@code -E2BIG} unless the flag is {@code BPF_EXIST}, which drops the
 * oldest value; other flags give {@code -EINVAL}; popping or peeking an empty map gives {@code -ENOENT} (null
 * here).
 */
public final class DequeMap implements VmMap {
    private final MapSpec spec;
    private final boolean lastInFirstOut;
    private final ArrayDeque<byte[]> values = new ArrayDeque<>();

    DequeMap(MapSpec spec, boolean lastInFirstOut) {
        this.spec = spec;
        this.lastInFirstOut = lastInFirstOut;
    }

    @Override
    public MapSpec spec() {
        return spec;
    }

    @Override
    public int push(byte[] value, long flags) {
        if ((flags != BPF_ANY && flags != BPF_EXIST) || value.length != spec.valueSize()) {
            return -Errno.EINVAL;
        }
        if (values.size() >= spec.maxEntries()) {
            if (flags != BPF_EXIST) {
                return -Errno.E2BIG;
            }
            values.pollFirst();
        }
        values.addLast(value.clone());
        return 0;
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        return push(value, flags);
    }

    @Override
    public byte[] pop() {
        return lastInFirstOut ? values.pollLast() : values.pollFirst();
    }

    @Override
    public byte[] peek() {
        return lastInFirstOut ? values.peekLast() : values.peekFirst();
    }

    /** The number of values held. */
    public int size() {
        return values.size();
    }
}

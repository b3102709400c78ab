package dev.bpf4j.vm.helpers;

import java.util.Arrays;
import java.util.Objects;

/**
 * Helpers by id, with the kernel's numbering ({@code enum bpf_func_id}). Immutable: {@link #with} returns a
 * new registry, so one registry can be shared by many VMs. {@link #standard()} holds every helper this
 * package implements; embedders add their own (or replace one) with {@link #with}.
 */
public final class HelperRegistry {
    private final Helper[] helpers;
    private final String[] names;

    private HelperRegistry(Helper[] helpers, String[] names) {
        this.helpers = helpers;
        this.names = names;
    }

    /** A registry with no helpers. */
    public static HelperRegistry empty() {
        return new HelperRegistry(new Helper[0], new String[0]);
    }

    /**
     * The standard helpers: map lookup/update/delete (1-3), probe_read (4), ktime_get_ns (5),
     * trace_printk (6), get_prandom_u32 (7), get_smp_processor_id (8), tail_call (12),
     * get_current_pid_tgid (14), get_current_comm (16), ktime_get_boot_ns (125),
     * map push/pop/peek (87-89), ringbuf output/reserve/submit/discard (130-133).
     */
    public static HelperRegistry standard() {
        HelperRegistry r = empty();
        r = MapHelpers.register(r);
        r = RingBufHelpers.register(r);
        r = SystemHelpers.register(r);
        return r.with(6, "trace_printk", TracePrintk::call);
    }

    /** This registry plus {@code helper} as id {@code id} (replacing any helper with that id). */
    public HelperRegistry with(int id, String name, Helper helper) {
        Objects.requireNonNull(helper);
        if (id < 0 || id > 1 << 16) {
            throw new IllegalArgumentException("helper id " + id + " is out of range");
        }
        int n = Math.max(helpers.length, id + 1);
        Helper[] h = Arrays.copyOf(helpers, n);
        String[] s = Arrays.copyOf(names, n);
        h[id] = helper;
        s[id] = name;
        return new HelperRegistry(h, s);
    }

    /** The helper with {@code id}, or null if none is registered. */
    public Helper get(long id) {
        return id >= 0 && id < helpers.length ? helpers[(int) id] : null;
    }

    /** The name of helper {@code id}, or null. */
    public String name(long id) {
        return id >= 0 && id < names.length ? names[(int) id] : null;
    }
}

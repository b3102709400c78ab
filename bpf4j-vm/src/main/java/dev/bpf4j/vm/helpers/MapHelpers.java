package dev.bpf4j.vm.helpers;

import dev.bpf4j.vm.Memory;
import dev.bpf4j.vm.maps.Errno;
import dev.bpf4j.vm.maps.VmMap;

/**
 * The map helpers: {@code bpf_map_lookup_elem} (1), {@code bpf_map_update_elem} (2),
 * {@code bpf_map_delete_elem} (3), {@code bpf_map_push_elem} (87), {@code bpf_map_pop_elem} (88) and
 * {@code bpf_map_peek_elem} (89). Keys and values are read from program memory with the map's sizes; a
 * lookup returns a pointer to the live value (0 if absent), so the program can update it in place.
 */
final class MapHelpers {
    private MapHelpers() {
    }

    static HelperRegistry register(HelperRegistry r) {
        return r.with(1, "map_lookup_elem", MapHelpers::lookup)
                .with(2, "map_update_elem", MapHelpers::update)
                .with(3, "map_delete_elem", MapHelpers::delete)
                .with(87, "map_push_elem", MapHelpers::push)
                .with(88, "map_pop_elem", MapHelpers::pop)
                .with(89, "map_peek_elem", MapHelpers::peek);
    }

    private static byte[] key(HelperContext ctx, VmMap map, long address) {
        return ctx.memory().read(address, map.spec().keySize(), ctx.pc());
    }

    private static long lookup(HelperContext ctx, long m, long key, long r3, long r4, long r5) {
        VmMap map = ctx.map(m);
        byte[] value = map.lookup(key(ctx, map, key), ctx.cpu());
        return value == null ? 0 : ctx.memory().addressOf(value, "value of map " + map.spec().name());
    }

    private static long update(HelperContext ctx, long m, long key, long value, long flags, long r5) {
        VmMap map = ctx.map(m);
        byte[] v = ctx.memory().read(value, map.spec().valueSize(), ctx.pc());
        return map.update(key(ctx, map, key), v, flags, ctx.cpu());
    }

    private static long delete(HelperContext ctx, long m, long key, long r3, long r4, long r5) {
        VmMap map = ctx.map(m);
        return map.delete(key(ctx, map, key));
    }

    private static long push(HelperContext ctx, long m, long value, long flags, long r4, long r5) {
        VmMap map = ctx.map(m);
        return map.push(ctx.memory().read(value, map.spec().valueSize(), ctx.pc()), flags);
    }

    private static long pop(HelperContext ctx, long m, long out, long r3, long r4, long r5) {
        return take(ctx, m, out, true);
    }

    private static long peek(HelperContext ctx, long m, long out, long r3, long r4, long r5) {
        return take(ctx, m, out, false);
    }

    private static long take(HelperContext ctx, long m, long out, boolean remove) {
        VmMap map = ctx.map(m);
        Memory mem = ctx.memory();
        // Check the destination before removing anything, so a bad pointer loses no value.
        mem.check(out, map.spec().valueSize(), true, ctx.pc());
        byte[] v = remove ? map.pop() : map.peek();
        if (v == null) {
            return -Errno.ENOENT;
        }
        mem.write(out, v, ctx.pc());
        return 0;
    }
}

package dev.bpf4j.vm;

import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.vm.maps.ArrayMap;
import dev.bpf4j.vm.maps.VmMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maps a program can reach in one VM, and what its {@code lddw} map references load. Shared by the
 * interpreter and the JIT so both give a program the same handles, the same value addresses and the same
 * errors.
 */
public final class MapTable {
    private final VmOptions options;
    private final Memory memory;
    private final List<VmMap> maps;

    /** The maps of {@code options} (by index first, then by fd, each once), addressed in {@code memory}. */
    public MapTable(VmOptions options, Memory memory) {
        this.options = options;
        this.memory = memory;
        Map<VmMap, Boolean> seen = new IdentityHashMap<>();
        List<VmMap> out = new ArrayList<>();
        for (VmMap m : options.mapsByIndex()) {
            if (seen.put(m, true) == null) {
                out.add(m);
            }
        }
        options.mapsByFd().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (seen.put(e.getValue(), true) == null) {
                out.add(e.getValue());
            }
        });
        this.maps = Collections.unmodifiableList(out);
    }

    /** The maps, in handle order: a map's handle is {@code Memory.address(MAP_REGION, index)}. */
    public List<VmMap> maps() {
        return maps;
    }

    /**
     * The value an {@code lddw} of a map loads: a handle, or the address of an array map's value. A symbolic
     * reference (from an assembler or a loader) names the map by its {@link dev.bpf4j.vm.maps.MapSpec#name()}.
     *
     * @throws VmException if the map is unknown, the source is a kernel variable, or a value address is asked
     *                     of a map that is not an array
     */
    public long resolve(PseudoSource source, long imm, String symbol) {
        int ref = (int) imm;
        if (source == PseudoSource.BTF_ID) {
            throw new VmException(0, "lddw of a kernel variable (BTF id " + ref
                    + ") is not supported in the userspace VM");
        }
        VmMap map = symbol != null ? maps.stream().filter(m -> m.spec().name().equals(symbol)).findFirst()
                .orElseThrow(() -> new VmException(0, "lddw names map '" + symbol
                        + "', but the VM options hold no map of that name")) : switch (source) {
            case MAP_FD, MAP_VALUE -> options.mapsByFd().get(ref);
            case MAP_IDX, MAP_IDX_VALUE -> ref >= 0 && ref < options.mapsByIndex().size()
                    ? options.mapsByIndex().get(ref) : null;
            case IMM64, FUNC, BTF_ID -> throw new IllegalStateException("not a map reference: " + source);
        };
        if (map == null) {
            throw new VmException(0, "lddw names map " + (source == PseudoSource.MAP_FD || source == PseudoSource.MAP_VALUE
                    ? "fd " : "index ") + ref + ", but the VM options hold no such map");
        }
        if (source == PseudoSource.MAP_FD || source == PseudoSource.MAP_IDX) {
            return Memory.address(Memory.MAP_REGION, maps.indexOf(map));
        }
        if (!(map instanceof ArrayMap array)) {
            throw new VmException(0, "lddw of a value address needs an array map; " + map.spec().name() + " is a "
                    + map.spec().type());
        }
        return memory.addressOfFixed(array.get(0), "value of map " + map.spec().name()) + (imm >>> 32);
    }
}

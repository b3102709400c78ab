package dev.bpf4j.kernel;

import dev.bpf4j.kernel.sys.Bpf;
import dev.bpf4j.kernel.sys.BpfCommand;
import dev.bpf4j.kernel.sys.Errno;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A live kernel map, owning its file descriptor. Keys and values are byte arrays of the map's sizes in
 * host order; per-CPU maps exchange one value per possible CPU ({@link #lookupPerCpu}), each padded to 8
 * bytes in the kernel's buffer as the kernel requires. Absent elements are empty results, not
 * exceptions; every other failure is a {@link SyscallException} naming the command and the map.
 */
public final class BpfMap implements AutoCloseable {
    private final OwnedFd fd;
    private final MapType type;
    private final int keySize;
    private final int valueSize;
    private final String name;

    private BpfMap(int fd, MapType type, int keySize, int valueSize, String name) {
        this.fd = new OwnedFd(fd, "map " + name);
        this.type = type;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.name = name;
    }

    /**
     * Creates the map {@code spec} describes. For map-in-map types a template inner map is created first,
     * passed to the kernel, and closed again (the kernel keeps only its shape).
     *
     * @throws SyscallException naming the map when the kernel refuses
     */
    public static BpfMap create(MapSpec spec) {
        int innerFd = 0;
        BpfMap inner = null;
        try {
            if (spec.innerMap() != null) {
                inner = create(spec.innerMap());
                innerFd = inner.fd();
            }
            int fd = Bpf.mapCreate(spec.type().value(), spec.keySize(), spec.valueSize(), spec.maxEntries(),
                    spec.effectiveFlags(), innerFd, spec.name(), 0);
            return new BpfMap(fd, spec.type(), spec.keySize(), spec.valueSize(), spec.name());
        } catch (SyscallException e) {
            String hint = e.errno() == Errno.EINVAL ? shapeHint(spec.type()) : "";
            throw new SyscallException(e.command(), e.errno(), "map " + spec.name() + " (" + spec.type() + ")"
                    + (hint.isEmpty() ? "" : ": " + hint));
        } finally {
            if (inner != null) {
                inner.close();
            }
        }
    }

    /** What the kernel requires of a map type's shape, to explain an EINVAL (empty when nothing specific). */
    private static String shapeHint(MapType type) {
        return switch (type) {
            case ARRAY, PERCPU_ARRAY, PROG_ARRAY, PERF_EVENT_ARRAY, CGROUP_ARRAY, ARRAY_OF_MAPS ->
                    "the key must be 4 bytes (an index) and max entries at least 1";
            case QUEUE, STACK -> "the key size must be 0";
            case RINGBUF -> "key and value size must be 0 and max entries a power-of-2 multiple of the page size";
            case LPM_TRIE -> "the key must be a 4-byte prefix length followed by 1 to 256 bytes of data";
            case STACK_TRACE -> "the key must be 4 bytes and the value a multiple of 8 bytes (one per frame)";
            default -> "";
        };
    }

    /** Adopts a map fd this process received (from BPF_OBJ_GET or GET_FD_BY_ID), learning its shape. */
    static BpfMap adopt(int fd) {
        try {
            MapInfo info = MapInfo.decode(Bpf.objInfo(fd, MapInfo.SIZE));
            if (info.type() == null) {
                throw new NotSupportedException("map type " + info.typeValue() + " (map " + info.name() + ")",
                        "this version of bpf4j does not know it, so cannot size its values");
            }
            return new BpfMap(fd, info.type(), info.keySize(), info.valueSize(), info.name());
        } catch (RuntimeException e) {
            dev.bpf4j.kernel.sys.Native.close(fd);
            throw e;
        }
    }

    /** Opens the map pinned at {@code path} in a bpffs. */
    public static BpfMap openPinned(String path) {
        return adopt(Bpf.objGet(path, 0));
    }

    /**
     * Opens the map with system-wide id {@code id}. Avoid reopening a program array that its owner has
     * just closed: on Linux 6.18 its release runs from a work queue, and a reopen-and-close while that
     * work is pending was observed to leave the map alive for good.
     */
    public static BpfMap fromId(int id) {
        return adopt(Bpf.fdById(BpfCommand.BPF_MAP_GET_FD_BY_ID, id));
    }

    /** The file descriptor, for passing to the kernel (a program's map reference, a map-in-map value). */
    public int fd() {
        return fd.get();
    }

    /** The map's type. */
    public MapType type() {
        return type;
    }

    /** Key size in bytes. */
    public int keySize() {
        return keySize;
    }

    /** Value size in bytes (one CPU's value for per-CPU maps). */
    public int valueSize() {
        return valueSize;
    }

    /** The name given at creation. */
    public String name() {
        return name;
    }

    /** The kernel's view of this map. */
    public MapInfo info() {
        return MapInfo.decode(Bpf.objInfo(fd(), MapInfo.SIZE));
    }

    /** The per-CPU stride: each CPU's value is padded to a multiple of 8 bytes. */
    private int stride() {
        return (valueSize + 7) & ~7;
    }

    /** Bytes one element's value takes in the syscall buffer. */
    int valueBufferSize() {
        return type.isPerCpu() ? stride() * PossibleCpus.count() : valueSize;
    }

    private void checkKey(byte[] key) {
        if (key.length != keySize) {
            throw new IllegalArgumentException("map " + name + ": key is " + key.length + " bytes, not " + keySize);
        }
    }

    private void checkValue(byte[] value) {
        if (value.length != valueSize) {
            throw new IllegalArgumentException("map " + name + ": value is " + value.length + " bytes, not " + valueSize);
        }
    }

    private void requireNotPerCpu(String op) {
        if (type.isPerCpu()) {
            throw new IllegalStateException("map " + name + " is per-CPU: use " + op + "PerCpu");
        }
    }

    private SyscallException failure(BpfCommand cmd, int result) {
        return new SyscallException(cmd.name(), -result, "map " + name);
    }

    /** The value at {@code key}, or empty when there is none. For fd-holding maps the value is an object id. */
    public Optional<byte[]> lookup(byte[] key) {
        requireNotPerCpu("lookup");
        checkKey(key);
        return lookupRaw(BpfCommand.BPF_MAP_LOOKUP_ELEM, key);
    }

    private Optional<byte[]> lookupRaw(BpfCommand cmd, byte[] key) {
        byte[] value = new byte[valueBufferSize()];
        int r = Bpf.elem(cmd, fd(), key, value, 0);
        if (r == -Errno.ENOENT) {
            return Optional.empty();
        }
        if (r < 0) {
            throw failure(cmd, r);
        }
        return Optional.of(value);
    }

    /** Every possible CPU's value at {@code key} (index = CPU number), or empty when there is none. */
    public Optional<List<byte[]>> lookupPerCpu(byte[] key) {
        checkKey(key);
        return lookupRaw(BpfCommand.BPF_MAP_LOOKUP_ELEM, key).map(this::splitPerCpu);
    }

    private List<byte[]> splitPerCpu(byte[] buffer) {
        List<byte[]> values = new ArrayList<>();
        for (int cpu = 0; cpu < PossibleCpus.count(); cpu++) {
            values.add(Arrays.copyOfRange(buffer, cpu * stride(), cpu * stride() + valueSize));
        }
        return values;
    }

    /**
     * Sets {@code key} to {@code value} as {@code flag} allows. For fd-holding maps the value is a file
     * descriptor (4 bytes).
     *
     * @throws SyscallException with EEXIST or ENOENT when the flag's condition fails, E2BIG when full
     */
    public void update(byte[] key, byte[] value, UpdateFlag flag) {
        requireNotPerCpu("update");
        checkKey(key);
        checkValue(value);
        updateRaw(key, value, flag);
    }

    private void updateRaw(byte[] key, byte[] value, UpdateFlag flag) {
        int r = Bpf.elem(BpfCommand.BPF_MAP_UPDATE_ELEM, fd(), key, value, flag.value());
        if (r < 0) {
            throw failure(BpfCommand.BPF_MAP_UPDATE_ELEM, r);
        }
    }

    /** Sets every CPU's value at {@code key}; {@code values} has one entry per possible CPU. */
    public void updatePerCpu(byte[] key, List<byte[]> values, UpdateFlag flag) {
        checkKey(key);
        if (values.size() != PossibleCpus.count()) {
            throw new IllegalArgumentException("map " + name + ": " + values.size() + " values for "
                    + PossibleCpus.count() + " possible CPUs");
        }
        byte[] buffer = new byte[valueBufferSize()];
        for (int cpu = 0; cpu < values.size(); cpu++) {
            checkValue(values.get(cpu));
            System.arraycopy(values.get(cpu), 0, buffer, cpu * stride(), valueSize);
        }
        updateRaw(key, buffer, flag);
    }

    /** Removes {@code key}; returns whether it was there. */
    public boolean delete(byte[] key) {
        checkKey(key);
        int r = Bpf.elem(BpfCommand.BPF_MAP_DELETE_ELEM, fd(), key, null, 0);
        if (r == -Errno.ENOENT) {
            return false;
        }
        if (r < 0) {
            throw failure(BpfCommand.BPF_MAP_DELETE_ELEM, r);
        }
        return true;
    }

    /** Removes {@code key} and returns its value, or empty if absent (hash maps, kernel 5.14 and later). */
    public Optional<byte[]> lookupAndDelete(byte[] key) {
        checkKey(key);
        return lookupRaw(BpfCommand.BPF_MAP_LOOKUP_AND_DELETE_ELEM, key);
    }

    /** The key after {@code key} in the map's order ({@code null} for the first), or empty at the end. */
    public Optional<byte[]> nextKey(byte[] key) {
        if (key != null) {
            checkKey(key);
        }
        byte[] next = new byte[keySize];
        int r = Bpf.nextKey(fd(), key, next);
        if (r == -Errno.ENOENT) {
            return Optional.empty();
        }
        if (r < 0) {
            throw failure(BpfCommand.BPF_MAP_GET_NEXT_KEY, r);
        }
        return Optional.of(next);
    }

    /**
     * All keys, by GET_NEXT_KEY. A concurrent delete of the current key makes the kernel restart from the
     * first key, so under concurrent change keys may repeat; the kernel documents no better guarantee.
     */
    public List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        Optional<byte[]> k = nextKey(null);
        while (k.isPresent()) {
            keys.add(k.get());
            k = nextKey(k.get());
        }
        return keys;
    }

    /** Appends {@code value} to a queue or pushes it on a stack; {@code flag} EXIST overwrites the oldest when full. */
    public void push(byte[] value, UpdateFlag flag) {
        checkValue(value);
        updateRaw(null, value, flag);
    }

    /** Removes and returns the head of a queue or the top of a stack, or empty when there is none. */
    public Optional<byte[]> pop() {
        return lookupRaw(BpfCommand.BPF_MAP_LOOKUP_AND_DELETE_ELEM, null);
    }

    /** Returns the head of a queue or the top of a stack without removing it, or empty. */
    public Optional<byte[]> peek() {
        return lookupRaw(BpfCommand.BPF_MAP_LOOKUP_ELEM, null);
    }

    /** Makes the map read-only for the syscall interface from now on (programs may still write). */
    public void freeze() {
        try {
            Bpf.freeze(fd());
        } catch (SyscallException e) {
            throw new SyscallException(e.command(), e.errno(), "map " + name);
        }
    }

    /**
     * Every element, read in batches of {@code chunk} (BPF_MAP_LOOKUP_BATCH); with {@code delete} the
     * elements are removed as they are read (BPF_MAP_LOOKUP_AND_DELETE_BATCH, hash maps only).
     *
     * @throws NotSupportedException when the map type has no batch operations
     */
    public List<MapEntry> lookupBatch(int chunk, boolean delete) {
        BpfCommand cmd = delete ? BpfCommand.BPF_MAP_LOOKUP_AND_DELETE_BATCH : BpfCommand.BPF_MAP_LOOKUP_BATCH;
        int vsize = valueBufferSize();
        List<MapEntry> entries = new ArrayList<>();
        byte[] token = new byte[Math.max(8, keySize)];
        byte[] in = null;
        while (true) {
            byte[] keys = new byte[keySize * chunk];
            byte[] values = new byte[vsize * chunk];
            Bpf.BatchResult r = Bpf.batch(cmd, fd(), in, token, keys, values, chunk, 0);
            if (r.result() < 0 && r.result() != -Errno.ENOENT) {
                if (r.result() == -Errno.EINVAL || r.result() == -Errno.EOPNOTSUPP || r.result() == -Errno.ENOTSUPP) {
                    throw new NotSupportedException(cmd.name() + " on " + type + " maps",
                            "the kernel refused it with " + Errno.describe(-r.result()),
                            failure(cmd, r.result()));
                }
                throw failure(cmd, r.result());
            }
            for (int i = 0; i < r.count(); i++) {
                entries.add(new MapEntry(Arrays.copyOfRange(keys, i * keySize, (i + 1) * keySize),
                        Arrays.copyOfRange(values, i * vsize, (i + 1) * vsize)));
            }
            if (r.result() == -Errno.ENOENT) {
                return entries;
            }
            in = token.clone();
        }
    }

    /**
     * Writes many elements in one call (BPF_MAP_UPDATE_BATCH); values are as {@link #update} takes them
     * (all CPUs' padded values for per-CPU maps).
     */
    public void updateBatch(List<MapEntry> entries, UpdateFlag flag) {
        if (entries.isEmpty()) {
            return;
        }
        int vsize = valueBufferSize();
        byte[] keys = new byte[keySize * entries.size()];
        byte[] values = new byte[vsize * entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            checkKey(entries.get(i).key());
            if (entries.get(i).value().length != vsize) {
                throw new IllegalArgumentException("map " + name + ": batch value is " + entries.get(i).value().length
                        + " bytes, not " + vsize);
            }
            System.arraycopy(entries.get(i).key(), 0, keys, i * keySize, keySize);
            System.arraycopy(entries.get(i).value(), 0, values, i * vsize, vsize);
        }
        Bpf.BatchResult r = Bpf.batch(BpfCommand.BPF_MAP_UPDATE_BATCH, fd(), null, null, keys, values,
                entries.size(), flag.value());
        if (r.result() < 0) {
            throw new SyscallException("BPF_MAP_UPDATE_BATCH", -r.result(),
                    "map " + name + " (" + r.count() + " of " + entries.size() + " written)");
        }
    }

    /** Deletes many keys in one call (BPF_MAP_DELETE_BATCH); fails with ENOENT at the first absent key. */
    public void deleteBatch(List<byte[]> keys) {
        if (keys.isEmpty()) {
            return;
        }
        byte[] packed = new byte[keySize * keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            checkKey(keys.get(i));
            System.arraycopy(keys.get(i), 0, packed, i * keySize, keySize);
        }
        Bpf.BatchResult r = Bpf.batch(BpfCommand.BPF_MAP_DELETE_BATCH, fd(), null, null, packed, null, keys.size(), 0);
        if (r.result() < 0) {
            throw new SyscallException("BPF_MAP_DELETE_BATCH", -r.result(),
                    "map " + name + " (" + r.count() + " of " + keys.size() + " deleted)");
        }
    }

    /** One element returned by a batch read: key and value (all CPUs' padded values for per-CPU maps). */
    public record MapEntry(byte[] key, byte[] value) {
    }

    /** Pins the map at {@code path}, which must lie in a bpffs (see {@link BpfFs}). */
    public void pin(String path) {
        BpfFs.pin(fd(), path);
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return fd.isClosed();
    }

    /** Closes the descriptor; the kernel frees the map when nothing else (a program, a pin) holds it. */
    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return "BpfMap[" + name + ", " + type + (fd.isClosed() ? ", closed]" : ", fd " + fd.get() + "]");
    }
}

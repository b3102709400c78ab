package dev.bpf4j.kernel.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import static dev.bpf4j.kernel.sys.BpfAttr.*;

/**
 * bpf(2), one method per command, each encoding its own attr (see {@link BpfAttr}) in a confined arena
 * that lives exactly as long as the call. Methods that callers use to probe (lookup, next key, next id)
 * return {@code -errno}; the others throw {@link dev.bpf4j.kernel.SyscallException} naming the command.
 * Keys and values cross as Java byte arrays: only this package touches native memory.
 */
public final class Bpf {
    private Bpf() {
    }

    /** The raw call: {@code bpf(cmd, attr, size)}; the result or {@code -errno}. */
    public static long call(BpfCommand cmd, MemorySegment attr, int size) {
        return Native.syscall(Native.SYS_BPF, cmd.value(), attr.address(), size, 0, 0, 0);
    }

    private static MemorySegment attr(Arena arena, Group group) {
        return arena.allocate(group.size(), 8);
    }

    private static MemorySegment bytes(Arena arena, byte[] data) {
        if (data == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = arena.allocate(Math.max(1, data.length), 8);
        MemorySegment.copy(data, 0, s, ValueLayout.JAVA_BYTE, 0, data.length);
        return s;
    }

    private static void copyBack(MemorySegment from, byte[] to) {
        if (to != null) {
            MemorySegment.copy(from, ValueLayout.JAVA_BYTE, 0, to, 0, to.length);
        }
    }

    /** BPF_MAP_CREATE: a new map fd. */
    public static int mapCreate(int type, int keySize, int valueSize, int maxEntries, int flags, int innerMapFd,
                                String name, long mapExtra) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, MAP_CREATE);
            set(a, MAP_TYPE, type);
            set(a, KEY_SIZE, keySize);
            set(a, VALUE_SIZE, valueSize);
            set(a, MAX_ENTRIES, maxEntries);
            set(a, MAP_FLAGS, flags);
            set(a, INNER_MAP_FD, innerMapFd);
            setName(a, MAP_NAME, name);
            set(a, MAP_EXTRA, mapExtra);
            return (int) Native.check("BPF_MAP_CREATE", call(BpfCommand.BPF_MAP_CREATE, a, MAP_CREATE.size()));
        }
    }

    /**
     * An element command (lookup, update, delete, lookup-and-delete): {@code key} and {@code value} may
     * be null (queues and stacks have no key); {@code value} is filled on success. Returns 0 or -errno.
     */
    public static int elem(BpfCommand cmd, int mapFd, byte[] key, byte[] value, long flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, MAP_ELEM);
            MemorySegment v = bytes(arena, value);
            set(a, ELEM_MAP_FD, mapFd);
            set(a, ELEM_KEY, bytes(arena, key));
            set(a, ELEM_VALUE, v);
            set(a, ELEM_FLAGS, flags);
            int r = (int) call(cmd, a, MAP_ELEM.size());
            if (r == 0 && cmd != BpfCommand.BPF_MAP_UPDATE_ELEM) {
                copyBack(v, value);
            }
            return r;
        }
    }

    /** BPF_MAP_GET_NEXT_KEY: fills {@code next}; {@code key} null asks for the first. Returns 0 or -errno. */
    public static int nextKey(int mapFd, byte[] key, byte[] next) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, MAP_ELEM);
            MemorySegment n = bytes(arena, next);
            set(a, ELEM_MAP_FD, mapFd);
            set(a, ELEM_KEY, bytes(arena, key));
            set(a, ELEM_NEXT_KEY, n);
            int r = (int) call(BpfCommand.BPF_MAP_GET_NEXT_KEY, a, MAP_ELEM.size());
            if (r == 0) {
                copyBack(n, next);
            }
            return r;
        }
    }

    /** BPF_MAP_FREEZE. */
    public static void freeze(int mapFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, MAP_ELEM);
            set(a, ELEM_MAP_FD, mapFd);
            Native.check("BPF_MAP_FREEZE", call(BpfCommand.BPF_MAP_FREEZE, a, MAP_ELEM.size()));
        }
    }

    /**
     * What a batch command did: {@code result} is 0 or -errno (-ENOENT meaning "no more elements"),
     * {@code count} how many elements were processed even then.
     */
    public record BatchResult(int result, int count) {
    }

    /**
     * A batch command: {@code inBatch} null starts from the beginning; {@code outBatch} receives the
     * resume token; keys and values are {@code count} packed elements.
     */
    public static BatchResult batch(BpfCommand cmd, int mapFd, byte[] inBatch, byte[] outBatch, byte[] keys,
                                    byte[] values, int count, long elemFlags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, BATCH);
            MemorySegment out = bytes(arena, outBatch);
            MemorySegment k = bytes(arena, keys);
            MemorySegment v = bytes(arena, values);
            set(a, BATCH_IN, bytes(arena, inBatch));
            set(a, BATCH_OUT, out);
            set(a, BATCH_KEYS, k);
            set(a, BATCH_VALUES, v);
            set(a, BATCH_COUNT, count);
            set(a, BATCH_MAP_FD, mapFd);
            set(a, BATCH_ELEM_FLAGS, elemFlags);
            int r = (int) call(cmd, a, BATCH.size());
            copyBack(out, outBatch);
            copyBack(k, keys);
            copyBack(v, values);
            return new BatchResult(r, (int) get(a, BATCH_COUNT));
        }
    }

    /** What BPF_PROG_LOAD returned: the fd or -errno, the log text and the size the log needed. */
    public record LoadResult(int result, String log, int logTrueSize) {
    }

    /** The arguments of BPF_PROG_LOAD that bpf4j sets. */
    public record LoadRequest(int type, byte[] insns, String license, String name, int expectedAttachType,
                              int attachBtfId, int attachBtfObjFd, int flags, int logLevel, int logSize) {
    }

    /** BPF_PROG_LOAD once, with the log buffer the request asks for. */
    public static LoadResult progLoad(LoadRequest req) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, PROG_LOAD);
            MemorySegment log = req.logLevel() > 0 ? arena.allocate(req.logSize()) : MemorySegment.NULL;
            set(a, PROG_TYPE, req.type());
            set(a, INSN_CNT, req.insns().length / 8);
            set(a, INSNS, bytes(arena, req.insns()));
            set(a, LICENSE, arena.allocateFrom(req.license()));
            set(a, LOG_LEVEL, req.logLevel());
            set(a, LOG_SIZE, req.logLevel() > 0 ? req.logSize() : 0);
            set(a, LOG_BUF, log);
            set(a, PROG_FLAGS, req.flags());
            setName(a, PROG_NAME, req.name());
            set(a, EXPECTED_ATTACH_TYPE, req.expectedAttachType());
            set(a, ATTACH_BTF_ID, req.attachBtfId());
            set(a, ATTACH_BTF_OBJ_FD, req.attachBtfObjFd());
            int r = (int) call(BpfCommand.BPF_PROG_LOAD, a, PROG_LOAD.size());
            String text = log.equals(MemorySegment.NULL) ? "" : cString(log);
            return new LoadResult(r, text, (int) get(a, LOG_TRUE_SIZE));
        }
    }

    /** BPF_BTF_LOAD once: the fd or -errno, and the log. */
    public static LoadResult btfLoad(byte[] blob, int logLevel, int logSize) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, BTF_LOAD);
            MemorySegment log = logLevel > 0 ? arena.allocate(logSize) : MemorySegment.NULL;
            set(a, BTF_PTR, bytes(arena, blob));
            set(a, BTF_SIZE, blob.length);
            set(a, BTF_LOG_BUF, log);
            set(a, BTF_LOG_SIZE, logLevel > 0 ? logSize : 0);
            set(a, BTF_LOG_LEVEL, logLevel);
            int r = (int) call(BpfCommand.BPF_BTF_LOAD, a, BTF_LOAD.size());
            String text = log.equals(MemorySegment.NULL) ? "" : cString(log);
            return new LoadResult(r, text, (int) get(a, BTF_LOG_TRUE_SIZE));
        }
    }

    private static String cString(MemorySegment s) {
        long n = 0;
        while (n < s.byteSize() && s.get(ValueLayout.JAVA_BYTE, n) != 0) {
            n++;
        }
        byte[] b = new byte[(int) n];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, 0, b, 0, b.length);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** BPF_OBJ_PIN: pins {@code fd} at {@code path} in a bpffs. */
    public static void objPin(int fd, String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, OBJ);
            set(a, PATHNAME, arena.allocateFrom(path));
            set(a, OBJ_BPF_FD, fd);
            Native.check("BPF_OBJ_PIN", call(BpfCommand.BPF_OBJ_PIN, a, OBJ.size()));
        }
    }

    /** BPF_OBJ_GET: a new fd for the object pinned at {@code path}. */
    public static int objGet(String path, int fileFlags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, OBJ);
            set(a, PATHNAME, arena.allocateFrom(path));
            set(a, FILE_FLAGS, fileFlags);
            return (int) Native.check("BPF_OBJ_GET", call(BpfCommand.BPF_OBJ_GET, a, OBJ.size()));
        }
    }

    /** What BPF_PROG_TEST_RUN reported. */
    public record TestRunResult(int retval, int durationNs, byte[] dataOut, byte[] ctxOut) {
    }

    /** BPF_PROG_TEST_RUN with optional data and context, in and out. */
    public static TestRunResult testRun(int progFd, byte[] dataIn, int dataOutSize, byte[] ctxIn, int ctxOutSize,
                                        int repeat, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, TEST);
            MemorySegment dataOut = dataOutSize > 0 ? arena.allocate(dataOutSize) : MemorySegment.NULL;
            MemorySegment ctxOut = ctxOutSize > 0 ? arena.allocate(ctxOutSize) : MemorySegment.NULL;
            set(a, TEST_PROG_FD, progFd);
            set(a, TEST_DATA_IN, bytes(arena, dataIn));
            set(a, TEST_DATA_SIZE_IN, dataIn == null ? 0 : dataIn.length);
            set(a, TEST_DATA_OUT, dataOut);
            set(a, TEST_DATA_SIZE_OUT, dataOutSize);
            set(a, TEST_CTX_IN, bytes(arena, ctxIn));
            set(a, TEST_CTX_SIZE_IN, ctxIn == null ? 0 : ctxIn.length);
            set(a, TEST_CTX_OUT, ctxOut);
            set(a, TEST_CTX_SIZE_OUT, ctxOutSize);
            set(a, TEST_REPEAT, repeat);
            set(a, TEST_FLAGS, flags);
            Native.check("BPF_PROG_TEST_RUN", call(BpfCommand.BPF_PROG_TEST_RUN, a, TEST.size()));
            byte[] d = prefix(dataOut, get(a, TEST_DATA_SIZE_OUT));
            byte[] c = prefix(ctxOut, get(a, TEST_CTX_SIZE_OUT));
            return new TestRunResult((int) get(a, TEST_RETVAL), (int) get(a, TEST_DURATION), d, c);
        }
    }

    /** The first {@code reported} bytes of {@code buffer} (fewer if the buffer is smaller, none if NULL). */
    private static byte[] prefix(MemorySegment buffer, long reported) {
        long n = Math.min(buffer.byteSize(), reported);
        return n <= 0 ? new byte[0] : buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
    }

    /** BPF_*_GET_NEXT_ID: the next id after {@code startId}, or -errno (-ENOENT at the end). */
    public static int nextId(BpfCommand cmd, int startId) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, GET_ID);
            set(a, START_ID, startId);
            long r = call(cmd, a, GET_ID.size());
            return r < 0 ? (int) r : (int) get(a, NEXT_ID);
        }
    }

    /** BPF_*_GET_FD_BY_ID: a new fd for object {@code id}. */
    public static int fdById(BpfCommand cmd, int id) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, GET_ID);
            set(a, START_ID, id);
            return (int) Native.check(cmd.name(), call(cmd, a, GET_ID.size()));
        }
    }

    /** BPF_OBJ_GET_INFO_BY_FD: the info struct of {@code size} bytes (zeros past what the kernel fills). */
    public static byte[] objInfo(int fd, int size) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, INFO);
            MemorySegment info = arena.allocate(size, 8);
            set(a, INFO_BPF_FD, fd);
            set(a, INFO_LEN, size);
            set(a, INFO_PTR, info);
            Native.check("BPF_OBJ_GET_INFO_BY_FD", call(BpfCommand.BPF_OBJ_GET_INFO_BY_FD, a, INFO.size()));
            return info.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /**
     * BPF_RAW_TRACEPOINT_OPEN: attaches a raw tracepoint (or tp_btf) program; {@code name} null for
     * tp_btf, whose target came with the load. Returns a link fd.
     */
    public static int rawTracepointOpen(String name, int progFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, RAW_TRACEPOINT);
            set(a, RAW_TP_NAME, name == null ? MemorySegment.NULL : arena.allocateFrom(name));
            set(a, RAW_TP_PROG_FD, progFd);
            return (int) Native.check("BPF_RAW_TRACEPOINT_OPEN",
                    call(BpfCommand.BPF_RAW_TRACEPOINT_OPEN, a, RAW_TRACEPOINT.size()));
        }
    }

    /**
     * The ids of the maps program {@code fd} uses: BPF_OBJ_GET_INFO_BY_FD with {@code nr_map_ids} (offset
     * 52 of {@code struct bpf_prog_info}) and the {@code map_ids} buffer pointer (offset 56) filled in.
     */
    public static int[] progMapIds(int fd, int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = attr(arena, INFO);
            MemorySegment info = arena.allocate(232, 8);
            MemorySegment ids = arena.allocate(4L * Math.max(1, count), 4);
            info.set(ValueLayout.JAVA_INT, 52, count);
            info.set(ValueLayout.JAVA_LONG, 56, ids.address());
            set(a, INFO_BPF_FD, fd);
            set(a, INFO_LEN, 232);
            set(a, INFO_PTR, info);
            Native.check("BPF_OBJ_GET_INFO_BY_FD", call(BpfCommand.BPF_OBJ_GET_INFO_BY_FD, a, INFO.size()));
            int n = Math.min(count, info.get(ValueLayout.JAVA_INT, 52));
            return ids.asSlice(0, 4L * n).toArray(ValueLayout.JAVA_INT);
        }
    }
}

package dev.bpf4j.kernel.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The byte layout of {@code union bpf_attr} on Linux 6.18, one {@link Group} per command family and one
 * {@link Field} per member bpf4j writes or reads. Offsets are those of the running kernel's BTF
 * ({@code /sys/kernel/btf/vmlinux}), not of an older uapi header; a kernel test checks every field here
 * against that BTF. Each command passes its group's size as the attr size, so an older kernel that knows
 * a shorter attr accepts it as long as the newer tail stays zero.
 */
public final class BpfAttr {
    /**
     * A member of {@code union bpf_attr}: named ({@code test}, {@code info}, ...) or anonymous, in which
     * case {@code keyMember} is a member only that anonymous struct has.
     *
     * @param member    the union member's name, or null for an anonymous struct
     * @param keyMember for an anonymous struct, a member that identifies it
     * @param size      the struct's size in bytes: the attr size the command passes
     */
    public record Group(String member, String keyMember, int size) {
    }

    /**
     * One member of a group: its name in the kernel's BTF, its byte offset within the attr and its size.
     *
     * @param group  the group the member belongs to
     * @param name   the member's name in {@code union bpf_attr}
     * @param offset the byte offset from the start of the attr
     * @param size   the size in bytes (4, 8 or 16 for names)
     */
    public record Field(Group group, String name, int offset, int size) {
    }

    /** BPF_MAP_CREATE. */
    public static final Group MAP_CREATE = new Group(null, "map_type", 96);
    /** BPF_MAP_*_ELEM, GET_NEXT_KEY, FREEZE. */
    public static final Group MAP_ELEM = new Group(null, "map_fd", 32);
    /** BPF_MAP_*_BATCH. */
    public static final Group BATCH = new Group("batch", null, 56);
    /** BPF_PROG_LOAD. */
    public static final Group PROG_LOAD = new Group(null, "prog_type", 168);
    /** BPF_OBJ_PIN, BPF_OBJ_GET. */
    public static final Group OBJ = new Group(null, "pathname", 24);
    /** BPF_PROG_TEST_RUN. */
    public static final Group TEST = new Group("test", null, 80);
    /** BPF_*_GET_NEXT_ID, BPF_*_GET_FD_BY_ID. */
    public static final Group GET_ID = new Group(null, "start_id", 16);
    /** BPF_OBJ_GET_INFO_BY_FD. */
    public static final Group INFO = new Group("info", null, 16);
    /** BPF_RAW_TRACEPOINT_OPEN. */
    public static final Group RAW_TRACEPOINT = new Group("raw_tracepoint", null, 24);
    /** BPF_BTF_LOAD. */
    public static final Group BTF_LOAD = new Group(null, "btf", 40);

    /** MAP_CREATE: {@code map_type}, 4 bytes at offset 0. */
    public static final Field MAP_TYPE = f(MAP_CREATE, "map_type", 0, 4);
    /** MAP_CREATE: {@code key_size}, 4 bytes at offset 4. */
    public static final Field KEY_SIZE = f(MAP_CREATE, "key_size", 4, 4);
    /** MAP_CREATE: {@code value_size}, 4 bytes at offset 8. */
    public static final Field VALUE_SIZE = f(MAP_CREATE, "value_size", 8, 4);
    /** MAP_CREATE: {@code max_entries}, 4 bytes at offset 12. */
    public static final Field MAX_ENTRIES = f(MAP_CREATE, "max_entries", 12, 4);
    /** MAP_CREATE: {@code map_flags}, 4 bytes at offset 16. */
    public static final Field MAP_FLAGS = f(MAP_CREATE, "map_flags", 16, 4);
    /** MAP_CREATE: {@code inner_map_fd}, 4 bytes at offset 20. */
    public static final Field INNER_MAP_FD = f(MAP_CREATE, "inner_map_fd", 20, 4);
    /** MAP_CREATE: {@code map_name}, 16 bytes at offset 28. */
    public static final Field MAP_NAME = f(MAP_CREATE, "map_name", 28, 16);
    /** MAP_CREATE: {@code map_extra}, 8 bytes at offset 64. */
    public static final Field MAP_EXTRA = f(MAP_CREATE, "map_extra", 64, 8);

    /** MAP_ELEM: {@code map_fd}, 4 bytes at offset 0. */
    public static final Field ELEM_MAP_FD = f(MAP_ELEM, "map_fd", 0, 4);
    /** MAP_ELEM: {@code key}, 8 bytes at offset 8. */
    public static final Field ELEM_KEY = f(MAP_ELEM, "key", 8, 8);
    /** MAP_ELEM: {@code value}, 8 bytes at offset 16. */
    public static final Field ELEM_VALUE = f(MAP_ELEM, "value", 16, 8);
    /** MAP_ELEM: {@code next_key}, 8 bytes at offset 16. */
    public static final Field ELEM_NEXT_KEY = f(MAP_ELEM, "next_key", 16, 8);
    /** MAP_ELEM: {@code flags}, 8 bytes at offset 24. */
    public static final Field ELEM_FLAGS = f(MAP_ELEM, "flags", 24, 8);

    /** BATCH: {@code in_batch}, 8 bytes at offset 0. */
    public static final Field BATCH_IN = f(BATCH, "in_batch", 0, 8);
    /** BATCH: {@code out_batch}, 8 bytes at offset 8. */
    public static final Field BATCH_OUT = f(BATCH, "out_batch", 8, 8);
    /** BATCH: {@code keys}, 8 bytes at offset 16. */
    public static final Field BATCH_KEYS = f(BATCH, "keys", 16, 8);
    /** BATCH: {@code values}, 8 bytes at offset 24. */
    public static final Field BATCH_VALUES = f(BATCH, "values", 24, 8);
    /** BATCH: {@code count}, 4 bytes at offset 32. */
    public static final Field BATCH_COUNT = f(BATCH, "count", 32, 4);
    /** BATCH: {@code map_fd}, 4 bytes at offset 36. */
    public static final Field BATCH_MAP_FD = f(BATCH, "map_fd", 36, 4);
    /** BATCH: {@code elem_flags}, 8 bytes at offset 40. */
    public static final Field BATCH_ELEM_FLAGS = f(BATCH, "elem_flags", 40, 8);
    /** BATCH: {@code flags}, 8 bytes at offset 48. */
    public static final Field BATCH_FLAGS = f(BATCH, "flags", 48, 8);

    /** PROG_LOAD: {@code prog_type}, 4 bytes at offset 0. */
    public static final Field PROG_TYPE = f(PROG_LOAD, "prog_type", 0, 4);
    /** PROG_LOAD: {@code insn_cnt}, 4 bytes at offset 4. */
    public static final Field INSN_CNT = f(PROG_LOAD, "insn_cnt", 4, 4);
    /** PROG_LOAD: {@code insns}, 8 bytes at offset 8. */
    public static final Field INSNS = f(PROG_LOAD, "insns", 8, 8);
    /** PROG_LOAD: {@code license}, 8 bytes at offset 16. */
    public static final Field LICENSE = f(PROG_LOAD, "license", 16, 8);
    /** PROG_LOAD: {@code log_level}, 4 bytes at offset 24. */
    public static final Field LOG_LEVEL = f(PROG_LOAD, "log_level", 24, 4);
    /** PROG_LOAD: {@code log_size}, 4 bytes at offset 28. */
    public static final Field LOG_SIZE = f(PROG_LOAD, "log_size", 28, 4);
    /** PROG_LOAD: {@code log_buf}, 8 bytes at offset 32. */
    public static final Field LOG_BUF = f(PROG_LOAD, "log_buf", 32, 8);
    /** PROG_LOAD: {@code prog_flags}, 4 bytes at offset 44. */
    public static final Field PROG_FLAGS = f(PROG_LOAD, "prog_flags", 44, 4);
    /** PROG_LOAD: {@code prog_name}, 16 bytes at offset 48. */
    public static final Field PROG_NAME = f(PROG_LOAD, "prog_name", 48, 16);
    /** PROG_LOAD: {@code expected_attach_type}, 4 bytes at offset 68. */
    public static final Field EXPECTED_ATTACH_TYPE = f(PROG_LOAD, "expected_attach_type", 68, 4);
    /** PROG_LOAD: {@code attach_btf_id}, 4 bytes at offset 108. */
    public static final Field ATTACH_BTF_ID = f(PROG_LOAD, "attach_btf_id", 108, 4);
    /** PROG_LOAD: {@code attach_btf_obj_fd}, 4 bytes at offset 112. */
    public static final Field ATTACH_BTF_OBJ_FD = f(PROG_LOAD, "attach_btf_obj_fd", 112, 4);
    /** PROG_LOAD: {@code log_true_size}, 4 bytes at offset 140. */
    public static final Field LOG_TRUE_SIZE = f(PROG_LOAD, "log_true_size", 140, 4);

    /** OBJ: {@code pathname}, 8 bytes at offset 0. */
    public static final Field PATHNAME = f(OBJ, "pathname", 0, 8);
    /** OBJ: {@code bpf_fd}, 4 bytes at offset 8. */
    public static final Field OBJ_BPF_FD = f(OBJ, "bpf_fd", 8, 4);
    /** OBJ: {@code file_flags}, 4 bytes at offset 12. */
    public static final Field FILE_FLAGS = f(OBJ, "file_flags", 12, 4);

    /** TEST: {@code prog_fd}, 4 bytes at offset 0. */
    public static final Field TEST_PROG_FD = f(TEST, "prog_fd", 0, 4);
    /** TEST: {@code retval}, 4 bytes at offset 4. */
    public static final Field TEST_RETVAL = f(TEST, "retval", 4, 4);
    /** TEST: {@code data_size_in}, 4 bytes at offset 8. */
    public static final Field TEST_DATA_SIZE_IN = f(TEST, "data_size_in", 8, 4);
    /** TEST: {@code data_size_out}, 4 bytes at offset 12. */
    public static final Field TEST_DATA_SIZE_OUT = f(TEST, "data_size_out", 12, 4);
    /** TEST: {@code data_in}, 8 bytes at offset 16. */
    public static final Field TEST_DATA_IN = f(TEST, "data_in", 16, 8);
    /** TEST: {@code data_out}, 8 bytes at offset 24. */
    public static final Field TEST_DATA_OUT = f(TEST, "data_out", 24, 8);
    /** TEST: {@code repeat}, 4 bytes at offset 32. */
    public static final Field TEST_REPEAT = f(TEST, "repeat", 32, 4);
    /** TEST: {@code duration}, 4 bytes at offset 36. */
    public static final Field TEST_DURATION = f(TEST, "duration", 36, 4);
    /** TEST: {@code ctx_size_in}, 4 bytes at offset 40. */
    public static final Field TEST_CTX_SIZE_IN = f(TEST, "ctx_size_in", 40, 4);
    /** TEST: {@code ctx_size_out}, 4 bytes at offset 44. */
    public static final Field TEST_CTX_SIZE_OUT = f(TEST, "ctx_size_out", 44, 4);
    /** TEST: {@code ctx_in}, 8 bytes at offset 48. */
    public static final Field TEST_CTX_IN = f(TEST, "ctx_in", 48, 8);
    /** TEST: {@code ctx_out}, 8 bytes at offset 56. */
    public static final Field TEST_CTX_OUT = f(TEST, "ctx_out", 56, 8);
    /** TEST: {@code flags}, 4 bytes at offset 64. */
    public static final Field TEST_FLAGS = f(TEST, "flags", 64, 4);

    /** GET_ID: {@code start_id}, 4 bytes at offset 0. */
    public static final Field START_ID = f(GET_ID, "start_id", 0, 4);
    /** GET_ID: {@code next_id}, 4 bytes at offset 4. */
    public static final Field NEXT_ID = f(GET_ID, "next_id", 4, 4);
    /** GET_ID: {@code open_flags}, 4 bytes at offset 8. */
    public static final Field OPEN_FLAGS = f(GET_ID, "open_flags", 8, 4);

    /** INFO: {@code bpf_fd}, 4 bytes at offset 0. */
    public static final Field INFO_BPF_FD = f(INFO, "bpf_fd", 0, 4);
    /** INFO: {@code info_len}, 4 bytes at offset 4. */
    public static final Field INFO_LEN = f(INFO, "info_len", 4, 4);
    /** INFO: {@code info}, 8 bytes at offset 8. */
    public static final Field INFO_PTR = f(INFO, "info", 8, 8);

    /** RAW_TRACEPOINT: {@code name}, 8 bytes at offset 0. */
    public static final Field RAW_TP_NAME = f(RAW_TRACEPOINT, "name", 0, 8);
    /** RAW_TRACEPOINT: {@code prog_fd}, 4 bytes at offset 8. */
    public static final Field RAW_TP_PROG_FD = f(RAW_TRACEPOINT, "prog_fd", 8, 4);

    /** BTF_LOAD: {@code btf}, 8 bytes at offset 0. */
    public static final Field BTF_PTR = f(BTF_LOAD, "btf", 0, 8);
    /** BTF_LOAD: {@code btf_log_buf}, 8 bytes at offset 8. */
    public static final Field BTF_LOG_BUF = f(BTF_LOAD, "btf_log_buf", 8, 8);
    /** BTF_LOAD: {@code btf_size}, 4 bytes at offset 16. */
    public static final Field BTF_SIZE = f(BTF_LOAD, "btf_size", 16, 4);
    /** BTF_LOAD: {@code btf_log_size}, 4 bytes at offset 20. */
    public static final Field BTF_LOG_SIZE = f(BTF_LOAD, "btf_log_size", 20, 4);
    /** BTF_LOAD: {@code btf_log_level}, 4 bytes at offset 24. */
    public static final Field BTF_LOG_LEVEL = f(BTF_LOAD, "btf_log_level", 24, 4);
    /** BTF_LOAD: {@code btf_log_true_size}, 4 bytes at offset 28. */
    public static final Field BTF_LOG_TRUE_SIZE = f(BTF_LOAD, "btf_log_true_size", 28, 4);

    /** Every field above, for the tests that check them against the kernel's BTF and the layout files. */
    public static final List<Field> ALL = List.of(MAP_TYPE, KEY_SIZE, VALUE_SIZE, MAX_ENTRIES, MAP_FLAGS,
            INNER_MAP_FD, MAP_NAME, MAP_EXTRA, ELEM_MAP_FD, ELEM_KEY, ELEM_VALUE, ELEM_NEXT_KEY, ELEM_FLAGS,
            BATCH_IN, BATCH_OUT, BATCH_KEYS, BATCH_VALUES, BATCH_COUNT, BATCH_MAP_FD, BATCH_ELEM_FLAGS,
            BATCH_FLAGS, PROG_TYPE, INSN_CNT, INSNS, LICENSE, LOG_LEVEL, LOG_SIZE, LOG_BUF, PROG_FLAGS,
            PROG_NAME, EXPECTED_ATTACH_TYPE, ATTACH_BTF_ID, ATTACH_BTF_OBJ_FD, LOG_TRUE_SIZE, PATHNAME,
            OBJ_BPF_FD, FILE_FLAGS, TEST_PROG_FD, TEST_RETVAL, TEST_DATA_SIZE_IN, TEST_DATA_SIZE_OUT,
            TEST_DATA_IN, TEST_DATA_OUT, TEST_REPEAT, TEST_DURATION, TEST_CTX_SIZE_IN, TEST_CTX_SIZE_OUT,
            TEST_CTX_IN, TEST_CTX_OUT, TEST_FLAGS, START_ID, NEXT_ID, OPEN_FLAGS, INFO_BPF_FD, INFO_LEN,
            INFO_PTR, RAW_TP_NAME, RAW_TP_PROG_FD, BTF_PTR, BTF_LOG_BUF, BTF_SIZE, BTF_LOG_SIZE, BTF_LOG_LEVEL, BTF_LOG_TRUE_SIZE);

    /** The names of the groups above, for messages. */
    public static final List<Group> GROUPS = List.of(MAP_CREATE, MAP_ELEM, BATCH, PROG_LOAD, OBJ, TEST,
            GET_ID, INFO, RAW_TRACEPOINT, BTF_LOAD);

    private BpfAttr() {
    }

    private static Field f(Group group, String name, int offset, int size) {
        if (offset + size > group.size()) {
            throw new AssertionError(name + " lies outside its group");
        }
        return new Field(group, name, offset, size);
    }

    /** Writes {@code value} into {@code field} of {@code attr} (little-endian, as the host is). */
    public static void set(MemorySegment attr, Field field, long value) {
        switch (field.size()) {
            case 4 -> attr.set(ValueLayout.JAVA_INT_UNALIGNED, field.offset(), (int) value);
            case 8 -> attr.set(ValueLayout.JAVA_LONG_UNALIGNED, field.offset(), value);
            default -> throw new IllegalArgumentException(field.name() + " is not a number");
        }
    }

    /** Writes a pointer to {@code segment} (or 0 for {@code MemorySegment.NULL}) into {@code field}. */
    public static void set(MemorySegment attr, Field field, MemorySegment segment) {
        set(attr, field, segment.address());
    }

    /**
     * Writes an object name into a {@code char[16]} field: at most 15 bytes of ASCII letters, digits,
     * {@code _} and {@code .} (the only characters the kernel accepts), zero-terminated.
     */
    public static void setName(MemorySegment attr, Field field, String name) {
        byte[] bytes = sanitizeName(name).getBytes(StandardCharsets.US_ASCII);
        MemorySegment.copy(bytes, 0, attr, ValueLayout.JAVA_BYTE, field.offset(), bytes.length);
    }

    /** The kernel-acceptable form of an object name: invalid characters dropped, cut to 15 bytes. */
    public static String sanitizeName(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (b.length() == 15) {
                break;
            }
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Reads an unsigned 32-bit or a 64-bit {@code field} from {@code attr}. */
    public static long get(MemorySegment attr, Field field) {
        return switch (field.size()) {
            case 4 -> Integer.toUnsignedLong(attr.get(ValueLayout.JAVA_INT_UNALIGNED, field.offset()));
            case 8 -> attr.get(ValueLayout.JAVA_LONG_UNALIGNED, field.offset());
            default -> throw new IllegalArgumentException(field.name() + " is not a number");
        };
    }
}

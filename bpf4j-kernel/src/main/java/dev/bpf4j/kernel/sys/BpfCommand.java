package dev.bpf4j.kernel.sys;

/** The {@code enum bpf_cmd} values bpf4j issues, with the kernel's numbers (Linux 6.18 BTF). */
public enum BpfCommand {
    /** {@code BPF_MAP_CREATE}. */
    BPF_MAP_CREATE(0),
    /** {@code BPF_MAP_LOOKUP_ELEM}. */
    BPF_MAP_LOOKUP_ELEM(1),
    /** {@code BPF_MAP_UPDATE_ELEM}. */
    BPF_MAP_UPDATE_ELEM(2),
    /** {@code BPF_MAP_DELETE_ELEM}. */
    BPF_MAP_DELETE_ELEM(3),
    /** {@code BPF_MAP_GET_NEXT_KEY}. */
    BPF_MAP_GET_NEXT_KEY(4),
    /** {@code BPF_PROG_LOAD}. */
    BPF_PROG_LOAD(5),
    /** {@code BPF_OBJ_PIN}. */
    BPF_OBJ_PIN(6),
    /** {@code BPF_OBJ_GET}. */
    BPF_OBJ_GET(7),
    /** {@code BPF_PROG_TEST_RUN}. */
    BPF_PROG_TEST_RUN(10),
    /** {@code BPF_PROG_GET_NEXT_ID}. */
    BPF_PROG_GET_NEXT_ID(11),
    /** {@code BPF_MAP_GET_NEXT_ID}. */
    BPF_MAP_GET_NEXT_ID(12),
    /** {@code BPF_PROG_GET_FD_BY_ID}. */
    BPF_PROG_GET_FD_BY_ID(13),
    /** {@code BPF_MAP_GET_FD_BY_ID}. */
    BPF_MAP_GET_FD_BY_ID(14),
    /** {@code BPF_OBJ_GET_INFO_BY_FD}. */
    BPF_OBJ_GET_INFO_BY_FD(15),
    /** {@code BPF_RAW_TRACEPOINT_OPEN}. */
    BPF_RAW_TRACEPOINT_OPEN(17),
    /** {@code BPF_BTF_LOAD}. */
    BPF_BTF_LOAD(18),
    /** {@code BPF_BTF_GET_FD_BY_ID}. */
    BPF_BTF_GET_FD_BY_ID(19),
    /** {@code BPF_MAP_LOOKUP_AND_DELETE_ELEM}. */
    BPF_MAP_LOOKUP_AND_DELETE_ELEM(21),
    /** {@code BPF_MAP_FREEZE}. */
    BPF_MAP_FREEZE(22),
    /** {@code BPF_BTF_GET_NEXT_ID}. */
    BPF_BTF_GET_NEXT_ID(23),
    /** {@code BPF_MAP_LOOKUP_BATCH}. */
    BPF_MAP_LOOKUP_BATCH(24),
    /** {@code BPF_MAP_LOOKUP_AND_DELETE_BATCH}. */
    BPF_MAP_LOOKUP_AND_DELETE_BATCH(25),
    /** {@code BPF_MAP_UPDATE_BATCH}. */
    BPF_MAP_UPDATE_BATCH(26),
    /** {@code BPF_MAP_DELETE_BATCH}. */
    BPF_MAP_DELETE_BATCH(27),
    /** {@code BPF_LINK_GET_FD_BY_ID}. */
    BPF_LINK_GET_FD_BY_ID(30),
    /** {@code BPF_LINK_GET_NEXT_ID}. */
    BPF_LINK_GET_NEXT_ID(31);

    private final int value;

    BpfCommand(int value) {
        this.value = value;
    }

    /** The command number passed as bpf()'s first argument. */
    public int value() {
        return value;
    }
}

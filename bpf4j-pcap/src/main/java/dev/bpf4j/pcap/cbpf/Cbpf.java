package dev.bpf4j.pcap.cbpf;

/**
 * Classic BPF opcode fields, as {@code linux/filter.h} and libpcap's {@code pcap/bpf.h} define them, and the
 * kernel's ancillary load offsets ({@code SKF_AD_*}). An opcode is the OR of one value from each field.
 */
public final class Cbpf {
    private Cbpf() {}

    // Classes (code & 0x07).
    public static final int LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03, ALU = 0x04, JMP = 0x05, RET = 0x06, MISC = 0x07;
    // Load sizes (code & 0x18).
    public static final int W = 0x00, H = 0x08, B = 0x10;
    // Load modes (code & 0xe0).
    public static final int IMM = 0x00, ABS = 0x20, IND = 0x40, MEM = 0x60, LEN = 0x80, MSH = 0xa0;
    // ALU operations (code & 0xf0).
    public static final int ADD = 0x00, SUB = 0x10, MUL = 0x20, DIV = 0x30, OR = 0x40, AND = 0x50, LSH = 0x60,
            RSH = 0x70, NEG = 0x80, MOD = 0x90, XOR = 0xa0;
    // Jump operations (code & 0xf0).
    public static final int JA = 0x00, JEQ = 0x10, JGT = 0x20, JGE = 0x30, JSET = 0x40;
    // Operand source (code & 0x08); for RET also A (0x10).
    public static final int K = 0x00, X = 0x08, A = 0x10;
    // MISC operations (code & 0xf8).
    public static final int TAX = 0x00, TXA = 0x80;

    /** Number of scratch memory words M[0..15]. */
    public static final int MEMWORDS = 16;
    /** The kernel's limit on a classic program's length ({@code BPF_MAXINSNS}). */
    public static final int MAXINSNS = 4096;

    /** Base of the kernel's ancillary loads: {@code ld [SKF_AD_OFF + n]}. */
    public static final int SKF_AD_OFF = -0x1000;
    public static final int SKF_AD_PROTOCOL = 0, SKF_AD_PKTTYPE = 4, SKF_AD_IFINDEX = 8, SKF_AD_NLATTR = 12,
            SKF_AD_NLATTR_NEST = 16, SKF_AD_MARK = 20, SKF_AD_QUEUE = 24, SKF_AD_HATYPE = 28, SKF_AD_RXHASH = 32,
            SKF_AD_CPU = 36, SKF_AD_ALU_XOR_X = 40, SKF_AD_VLAN_TAG = 44, SKF_AD_VLAN_TAG_PRESENT = 48,
            SKF_AD_PAY_OFFSET = 52, SKF_AD_RANDOM = 56, SKF_AD_VLAN_TPID = 60;
    /** Base of loads relative to the network header ({@code SKF_NET_OFF}) and the link-layer header ({@code SKF_LL_OFF}). */
    public static final int SKF_NET_OFF = -0x100000, SKF_LL_OFF = -0x200000;

    public static int cls(int code) { return code & 0x07; }
    public static int size(int code) { return code & 0x18; }
    public static int mode(int code) { return code & 0xe0; }
    public static int op(int code) { return code & 0xf0; }
    public static int src(int code) { return code & 0x08; }
    public static int rval(int code) { return code & 0x18; }
    public static int miscop(int code) { return code & 0xf8; }
}

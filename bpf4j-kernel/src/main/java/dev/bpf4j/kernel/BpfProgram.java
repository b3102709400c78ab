package dev.bpf4j.kernel;

import dev.bpf4j.isa.RawInsn;
import dev.bpf4j.kernel.sys.Bpf;
import dev.bpf4j.kernel.sys.BpfCommand;
import dev.bpf4j.kernel.sys.Errno;
import dev.bpf4j.kernel.sys.Native;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * A program loaded into the kernel, owning its file descriptor. Loading runs the kernel's verifier: a
 * rejection is a {@link VerifierException} carrying the whole log; a program type or attach kind the
 * kernel refuses outright is a {@link NotSupportedException} saying so.
 */
public final class BpfProgram implements AutoCloseable {
    private final OwnedFd fd;
    private final ProgramType type;
    private final String name;
    private final String verifierLog;

    private BpfProgram(int fd, ProgramType type, String name, String verifierLog) {
        this.fd = new OwnedFd(fd, "program " + name);
        this.type = type;
        this.name = name;
        this.verifierLog = verifierLog;
    }

    /** Loads a program that references no maps. */
    public static BpfProgram load(ProgramSpec spec, LoadOptions options) {
        return load(spec, Map.of(), options);
    }

    /**
     * Loads {@code spec}, binding each symbolic map reference ({@code lddw} with a symbol) to the live map
     * of that name in {@code maps}. The kernel takes its own reference on each map, so the maps may be
     * closed afterwards.
     *
     * @throws IllegalArgumentException if a referenced map is missing
     * @throws VerifierException        if the verifier rejects the program
     * @throws NotSupportedException    if the kernel refuses the program type or attach kind itself
     * @throws SyscallException         for any other failure
     */
    public static BpfProgram load(ProgramSpec spec, Map<String, BpfMap> maps, LoadOptions options) {
        List<RawInsn> slots = spec.program().encode(symbol -> {
            BpfMap map = maps.get(symbol);
            if (map == null) {
                throw new IllegalArgumentException("program " + spec.name() + " references map '" + symbol
                        + "', which was not given (have " + maps.keySet() + ")");
            }
            return map.fd();
        });
        byte[] insns = RawInsn.writeAll(slots, ByteOrder.LITTLE_ENDIAN);
        int level = options.logLevel();
        int size = options.logSize();
        while (true) {
            Bpf.LoadResult r = Bpf.progLoad(new Bpf.LoadRequest(spec.type().value(), insns, spec.license(),
                    spec.name(), spec.expectedAttachType() == null ? 0 : spec.expectedAttachType().value(),
                    spec.attachBtfId(), 0, spec.effectiveFlags(), level, size));
            if (r.result() >= 0) {
                return new BpfProgram(r.result(), spec.type(), spec.name(), r.log());
            }
            int errno = -r.result();
            if (errno == Errno.ENOSPC && level > 0 && size < LoadOptions.MAX_LOG_SIZE) {
                // The log did not fit; 6.4+ says how much it needs, older kernels make us guess.
                long wanted = r.logTrueSize() > size ? r.logTrueSize() + 1L : size * 2L;
                size = (int) Math.min(wanted, LoadOptions.MAX_LOG_SIZE);
                continue;
            }
            if (level == 0 && (errno == Errno.EACCES || errno == Errno.EINVAL)) {
                level = 1; // Load again, this time asking the verifier why.
                continue;
            }
            throw failure(spec, errno, r.log());
        }
    }

    private static RuntimeException failure(ProgramSpec spec, int errno, String log) {
        if (errno == Errno.EPERM && needsTrampoline(spec)) {
            return new NotSupportedException(kindOf(spec) + " programs",
                    "this kernel refuses to load them (BPF_PROG_LOAD: EPERM with "
                            + (log.isBlank() ? "an empty verifier log" : "log: " + VerifierException.decisiveLine(log))
                            + "); the kernel lacks BPF trampoline support for " + kindOf(spec)
                            + " attachment or forbids it (lockdown), or this process lacks CAP_BPF and CAP_PERFMON",
                    new SyscallException("BPF_PROG_LOAD", errno, "program " + spec.name()));
        }
        if ((errno == Errno.EACCES || errno == Errno.EINVAL || errno == Errno.E2BIG) && !log.isBlank()) {
            return new VerifierException(spec.name(), errno, log);
        }
        String hint = errno == Errno.EINVAL && spec.expectedAttachType() == null && needsAttachType(spec.type())
                ? ": " + spec.type() + " programs need an expected attach type" : "";
        if (errno == Errno.EPERM) {
            hint = ": loading needs CAP_BPF (and CAP_PERFMON or CAP_NET_ADMIN for most types) or root";
        }
        return new SyscallException("BPF_PROG_LOAD", errno, "program " + spec.name() + " (" + spec.type() + ")" + hint);
    }

    /** Program types whose load fails without an expected attach type. */
    private static boolean needsAttachType(ProgramType type) {
        return switch (type) {
            case CGROUP_SOCK_ADDR, CGROUP_SOCKOPT, SK_LOOKUP, NETFILTER, TRACING, LSM, EXT, STRUCT_OPS -> true;
            default -> false;
        };
    }

    /** Whether the program type attaches through a BPF trampoline (fentry, fexit, fmod_ret, LSM, ext). */
    private static boolean needsTrampoline(ProgramSpec spec) {
        return spec.type() == ProgramType.TRACING || spec.type() == ProgramType.LSM || spec.type() == ProgramType.EXT;
    }

    private static String kindOf(ProgramSpec spec) {
        if (spec.type() == ProgramType.LSM) {
            return "LSM";
        }
        if (spec.type() == ProgramType.EXT) {
            return "freplace (ext)";
        }
        AttachType a = spec.expectedAttachType();
        if (a == null) {
            return "tracing";
        }
        return switch (a) {
            case TRACE_FENTRY -> "fentry";
            case TRACE_FEXIT -> "fexit";
            case MODIFY_RETURN -> "fmod_ret";
            case TRACE_RAW_TP -> "tp_btf";
            case TRACE_ITER -> "iterator";
            default -> "tracing";
        };
    }

    /** Adopts a program fd this process received (from BPF_OBJ_GET or GET_FD_BY_ID). */
    private static BpfProgram adopt(int fd) {
        try {
            ProgramInfo info = ProgramInfo.decode(Bpf.objInfo(fd, ProgramInfo.SIZE));
            return new BpfProgram(fd, info.type(), info.name(), "");
        } catch (RuntimeException e) {
            Native.close(fd);
            throw e;
        }
    }

    /** Opens the program pinned at {@code path} in a bpffs. */
    public static BpfProgram openPinned(String path) {
        return adopt(Bpf.objGet(path, 0));
    }

    /** Opens the program with system-wide id {@code id}. */
    public static BpfProgram fromId(int id) {
        return adopt(Bpf.fdById(BpfCommand.BPF_PROG_GET_FD_BY_ID, id));
    }

    /** The file descriptor, for attaching (and for program arrays). */
    public int fd() {
        return fd.get();
    }

    /** The program's type. */
    public ProgramType type() {
        return type;
    }

    /** The name given at load. */
    public String name() {
        return name;
    }

    /** The verifier log of a successful load, when a log level above 0 was asked for; empty otherwise. */
    public String verifierLog() {
        return verifierLog;
    }

    /** The kernel's view of this program. */
    public ProgramInfo info() {
        return ProgramInfo.decode(Bpf.objInfo(fd(), ProgramInfo.SIZE));
    }

    /** The ids of the maps the program uses (those its instructions reference, bound at load). */
    public List<Integer> mapIds() {
        int count = info().mapCount();
        List<Integer> ids = new java.util.ArrayList<>();
        for (int id : Bpf.progMapIds(fd(), count)) {
            ids.add(id);
        }
        return ids;
    }

    /**
     * Runs the program in the kernel on the given input without attaching it (BPF_PROG_TEST_RUN).
     *
     * @throws SyscallException e.g. ENOTSUPP for a program type without test runs, EINVAL for bad sizes
     */
    public TestRunResult testRun(TestRunOptions options) {
        try {
            Bpf.TestRunResult r = Bpf.testRun(fd(), options.dataIn(), options.dataOutSize(), options.ctxIn(),
                    options.ctxOutSize(), options.repeat(), 0);
            return new TestRunResult(Integer.toUnsignedLong(r.retval()), Integer.toUnsignedLong(r.durationNs()),
                    r.dataOut(), r.ctxOut());
        } catch (SyscallException e) {
            throw new SyscallException(e.command(), e.errno(), "program " + name + " (" + type + ")");
        }
    }

    /** Pins the program at {@code path}, which must lie in a bpffs (see {@link BpfFs}). */
    public void pin(String path) {
        BpfFs.pin(fd(), path);
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return fd.isClosed();
    }

    /** Closes the descriptor; the kernel unloads the program when nothing else (a link, a pin) holds it. */
    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return "BpfProgram[" + name + ", " + type + (fd.isClosed() ? ", closed]" : ", fd " + fd.get() + "]");
    }
}

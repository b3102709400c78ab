package dev.bpf4j.kernel.sys;

import java.util.Map;

/**
 * Linux errno values (the generic table x86_64 and arm64 share) by name and text, so errors read
 * "EACCES (Permission denied)" the same on every libc. Texts follow the kernel's own comments in
 * {@code include/uapi/asm-generic/errno-base.h} and {@code errno.h}; {@code ENOTSUPP} (524) is the
 * kernel-internal value bpf() sometimes leaks.
 */
public final class Errno {
    /** {@code EPERM}. */
    public static final int EPERM = 1;
    /** {@code ENOENT}. */
    public static final int ENOENT = 2;
    /** {@code ESRCH}. */
    public static final int ESRCH = 3;
    /** {@code EINTR}. */
    public static final int EINTR = 4;
    /** {@code EBADF}. */
    public static final int EBADF = 9;
    /** {@code EAGAIN}. */
    public static final int EAGAIN = 11;
    /** {@code ENOMEM}. */
    public static final int ENOMEM = 12;
    /** {@code EACCES}. */
    public static final int EACCES = 13;
    /** {@code EFAULT}. */
    public static final int EFAULT = 14;
    /** {@code EBUSY}. */
    public static final int EBUSY = 16;
    /** {@code ENODEV}: e.g. perf_event_open on an offline CPU. */
    public static final int ENODEV = 19;
    /** {@code EEXIST}. */
    public static final int EEXIST = 17;
    /** {@code EINVAL}. */
    public static final int EINVAL = 22;
    /** {@code ENOSPC}. */
    public static final int ENOSPC = 28;
    /** {@code E2BIG}. */
    public static final int E2BIG = 7;
    /** {@code ENOSYS}. */
    public static final int ENOSYS = 38;
    /** {@code EOPNOTSUPP}. */
    public static final int EOPNOTSUPP = 95;
    /** {@code ENOTSUPP}. */
    public static final int ENOTSUPP = 524;

    private record Entry(String name, String text) {
    }

    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            e(1, "EPERM", "Operation not permitted"), e(2, "ENOENT", "No such file or directory"),
            e(3, "ESRCH", "No such process"), e(4, "EINTR", "Interrupted system call"),
            e(5, "EIO", "Input/output error"), e(6, "ENXIO", "No such device or address"),
            e(7, "E2BIG", "Argument list too long"), e(8, "ENOEXEC", "Exec format error"),
            e(9, "EBADF", "Bad file descriptor"), e(10, "ECHILD", "No child processes"),
            e(11, "EAGAIN", "Resource temporarily unavailable"), e(12, "ENOMEM", "Cannot allocate memory"),
            e(13, "EACCES", "Permission denied"), e(14, "EFAULT", "Bad address"),
            e(15, "ENOTBLK", "Block device required"), e(16, "EBUSY", "Device or resource busy"),
            e(17, "EEXIST", "File exists"), e(18, "EXDEV", "Invalid cross-device link"),
            e(19, "ENODEV", "No such device"), e(20, "ENOTDIR", "Not a directory"),
            e(21, "EISDIR", "Is a directory"), e(22, "EINVAL", "Invalid argument"),
            e(23, "ENFILE", "Too many open files in system"), e(24, "EMFILE", "Too many open files"),
            e(25, "ENOTTY", "Inappropriate ioctl for device"), e(26, "ETXTBSY", "Text file busy"),
            e(27, "EFBIG", "File too large"), e(28, "ENOSPC", "No space left on device"),
            e(29, "ESPIPE", "Illegal seek"), e(30, "EROFS", "Read-only file system"),
            e(31, "EMLINK", "Too many links"), e(32, "EPIPE", "Broken pipe"),
            e(33, "EDOM", "Numerical argument out of domain"), e(34, "ERANGE", "Numerical result out of range"),
            e(35, "EDEADLK", "Resource deadlock avoided"), e(36, "ENAMETOOLONG", "File name too long"),
            e(37, "ENOLCK", "No locks available"), e(38, "ENOSYS", "Function not implemented"),
            e(39, "ENOTEMPTY", "Directory not empty"), e(40, "ELOOP", "Too many levels of symbolic links"),
            e(61, "ENODATA", "No data available"), e(62, "ETIME", "Timer expired"),
            e(75, "EOVERFLOW", "Value too large for defined data type"), e(77, "EBADFD", "File descriptor in bad state"),
            e(88, "ENOTSOCK", "Socket operation on non-socket"), e(90, "EMSGSIZE", "Message too long"),
            e(93, "EPROTONOSUPPORT", "Protocol not supported"), e(95, "EOPNOTSUPP", "Operation not supported"),
            e(97, "EAFNOSUPPORT", "Address family not supported by protocol"),
            e(98, "EADDRINUSE", "Address already in use"), e(105, "ENOBUFS", "No buffer space available"),
            e(110, "ETIMEDOUT", "Connection timed out"), e(114, "EALREADY", "Operation already in progress"),
            e(116, "ESTALE", "Stale file handle"), e(122, "EDQUOT", "Disk quota exceeded"),
            e(125, "ECANCELED", "Operation canceled"), e(524, "ENOTSUPP", "Operation not supported by this kernel"));

    private Errno() {
    }

    private static Map.Entry<Integer, Entry> e(int code, String name, String text) {
        return Map.entry(code, new Entry(name, text));
    }

    /** The symbolic name of {@code errno}, or {@code "errno N"} for one the table lacks. */
    public static String name(int errno) {
        Entry e = TABLE.get(errno);
        return e != null ? e.name : "errno " + errno;
    }

    /** The human-readable text of {@code errno}. */
    public static String text(int errno) {
        Entry e = TABLE.get(errno);
        return e != null ? e.text : "Unknown error " + errno;
    }

    /** {@code "NAME (text)"}, as used in every syscall error message. */
    public static String describe(int errno) {
        return name(errno) + " (" + text(errno) + ")";
    }
}

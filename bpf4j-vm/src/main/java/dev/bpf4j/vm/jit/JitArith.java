package dev.bpf4j.vm.jit;

/**
 * Division and modulo as RFC 9669 section 4.1 defines them, called from generated code (HotSpot inlines
 * them): division by zero gives 0, modulo by zero leaves the dividend (its low 32 bits in the 32-bit form),
 * signed {@code MIN / -1} is {@code MIN} and {@code MIN % -1} is 0 (Java's own overflow rules), and the
 * 32-bit forms zero-extend their result.
 */
final class JitArith {
    private static final long LOW32 = 0xffffffffL;

    private JitArith() {
    }

    static long udiv64(long a, long b) {
        return b == 0 ? 0 : Long.divideUnsigned(a, b);
    }

    static long umod64(long a, long b) {
        return b == 0 ? a : Long.remainderUnsigned(a, b);
    }

    static long sdiv64(long a, long b) {
        return b == 0 ? 0 : a / b;
    }

    static long smod64(long a, long b) {
        return b == 0 ? a : a % b;
    }

    static long udiv32(long a, long b) {
        int y = (int) b;
        return (y == 0 ? 0 : Integer.divideUnsigned((int) a, y)) & LOW32;
    }

    static long umod32(long a, long b) {
        int y = (int) b;
        return (y == 0 ? (int) a : Integer.remainderUnsigned((int) a, y)) & LOW32;
    }

    static long sdiv32(long a, long b) {
        int y = (int) b;
        return (y == 0 ? 0 : (int) a / y) & LOW32;
    }

    static long smod32(long a, long b) {
        int y = (int) b;
        return (y == 0 ? (int) a : (int) a % y) & LOW32;
    }
}

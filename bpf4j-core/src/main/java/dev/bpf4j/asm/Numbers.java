package dev.bpf4j.asm;

import java.math.BigInteger;

/**
 * Parses the numbers of both assembler syntaxes (decimal, {@code 0x} hex, optionally signed) and checks
 * they fit the field they go to. Hex may spell a field's full unsigned bit pattern ({@code 0xffffffff} is
 * {@code -1} in a 32-bit immediate); decimal must be in the field's signed range, so that
 * {@code mov32 %r0, 2147483648} is an error rather than a silent wrap (the conformance suite's rule).
 */
final class Numbers {
    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Numbers() {
    }

    /** True if {@code s} looks like a number (so it is not a label). */
    static boolean isNumber(String s) {
        return s.matches("[-+]?(0[xX][0-9a-fA-F]+|[0-9]+)");
    }

    private static BigInteger parse(String s, String what) {
        String t = s.strip();
        if (!isNumber(t)) {
            throw new SyntaxError("invalid " + what + " '" + s + "'");
        }
        boolean negative = t.startsWith("-");
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        BigInteger v = digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
        return negative ? v.negate() : v;
    }

    private static boolean isHex(String s) {
        return s.contains("0x") || s.contains("0X");
    }

    private static long ranged(String s, String what, int bits) {
        BigInteger v = parse(s, what);
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger maxSigned = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        BigInteger maxHex = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        boolean positiveHex = isHex(s) && v.signum() >= 0;
        if (v.compareTo(min) < 0 || v.compareTo(positiveHex ? maxHex : maxSigned) > 0) {
            throw new SyntaxError(what + " " + s.strip() + " is out of range for " + bits + " bits");
        }
        return v.longValue();
    }

    /** A 32-bit immediate. */
    static int imm32(String s) {
        return (int) ranged(s, "immediate", 32);
    }

    /** A signed 16-bit memory offset. */
    static short offset16(String s) {
        BigInteger v = parse(s, "offset");
        if (v.compareTo(BigInteger.valueOf(Short.MIN_VALUE)) < 0 || v.compareTo(BigInteger.valueOf(Short.MAX_VALUE)) > 0) {
            throw new SyntaxError("offset " + s.strip() + " is out of range for 16 bits");
        }
        return v.shortValue();
    }

    /** A signed relative jump of {@code bits} (16 for jumps, 32 for gotol and calls). */
    static int relative(String s, int bits) {
        BigInteger v = parse(s, "jump offset");
        long lim = 1L << (bits - 1);
        if (v.compareTo(BigInteger.valueOf(-lim)) < 0 || v.compareTo(BigInteger.valueOf(lim - 1)) > 0) {
            throw new SyntaxError("jump offset " + s.strip() + " is out of range for " + bits + " bits");
        }
        return v.intValue();
    }

    /** A 64-bit immediate: any signed or unsigned 64-bit value. */
    static long imm64(String s) {
        BigInteger v = parse(s, "immediate");
        if (v.compareTo(BigInteger.ONE.shiftLeft(63).negate()) < 0 || v.compareTo(MAX_U64) > 0) {
            throw new SyntaxError("immediate " + s.strip() + " is out of range for 64 bits");
        }
        return v.longValue();
    }

    /** Hex as llvm-objdump prints signed values: {@code 0x5}, {@code -0x1}. */
    static String signedHex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }

    /** A relative offset with its sign always shown: {@code +0x3}, {@code -0x1}. */
    static String offsetHex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "+0x" + Long.toHexString(v);
    }
}

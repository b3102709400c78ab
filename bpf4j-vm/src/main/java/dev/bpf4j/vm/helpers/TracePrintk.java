package dev.bpf4j.vm.helpers;

import dev.bpf4j.vm.maps.Errno;

/**
 * {@code bpf_trace_printk(fmt, fmt_size, arg1, arg2, arg3)} (helper 6): formats like the kernel and sends the
 * line to the VM's trace sink (what the kernel writes to {@code trace_pipe}, without the task prefix).
 * Conversions {@code %d %i %u %x %X %c %s %p %%} with flags {@code - 0 +} and space, a width, and the
 * length modifiers {@code l} and {@code ll} (without one, integers are 32 bits, as in C); at most three
 * arguments, else {@code -EINVAL}, as the kernel. {@code %s} reads a NUL-terminated string from program
 * memory; {@code %p} prints the address in hex. Returns the number of bytes written.
 */
public final class TracePrintk {
    private TracePrintk() {
    }

    static long call(HelperContext ctx, long fmt, long size, long a1, long a2, long a3) {
        if (size <= 0 || size > 1024) {
            return -Errno.EINVAL;
        }
        String f = ctx.memory().readString(fmt, (int) size, ctx.pc());
        String line = format(f, new long[] {a1, a2, a3}, s -> ctx.memory().readString(s, 1024, ctx.pc()));
        if (line == null) {
            return -Errno.EINVAL;
        }
        ctx.traceSink().accept(line);
        return line.length();
    }

    /**
     * Formats {@code fmt} with up to three arguments; {@code strings} reads the string a {@code %s} argument
     * points to. Returns null for a format the kernel rejects (too many arguments, unknown conversion).
     */
    public static String format(String fmt, long[] args, java.util.function.LongFunction<String> strings) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int j = i + 1;
            StringBuilder flags = new StringBuilder();
            while (j < fmt.length() && "-0+ ".indexOf(fmt.charAt(j)) >= 0) {
                flags.append(fmt.charAt(j++));
            }
            int width = 0;
            while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) {
                width = width * 10 + (fmt.charAt(j++) - '0');
            }
            int longs = 0;
            while (j < fmt.length() && fmt.charAt(j) == 'l') {
                longs++;
                j++;
            }
            if (j >= fmt.length() || longs > 2) {
                return null;
            }
            char conv = fmt.charAt(j);
            i = j;
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if (next >= Math.min(3, args.length)) {
                return null;
            }
            long v = args[next++];
            String body = switch (conv) {
                case 'd', 'i' -> Long.toString(longs > 0 ? v : (int) v);
                case 'u' -> Long.toUnsignedString(longs > 0 ? v : v & 0xffffffffL);
                case 'x' -> Long.toHexString(longs > 0 ? v : v & 0xffffffffL);
                case 'X' -> Long.toHexString(longs > 0 ? v : v & 0xffffffffL).toUpperCase(java.util.Locale.ROOT);
                case 'c' -> String.valueOf((char) (v & 0xff));
                case 's' -> strings.apply(v);
                case 'p' -> "0x" + Long.toHexString(v);
                default -> null;
            };
            if (body == null) {
                return null;
            }
            out.append(pad(body, flags.toString(), width, "di".indexOf(conv) >= 0));
        }
        return out.toString();
    }

    private static String pad(String body, String flags, int width, boolean signed) {
        if (signed && !body.startsWith("-")) {
            if (flags.indexOf('+') >= 0) {
                body = "+" + body;
            } else if (flags.indexOf(' ') >= 0) {
                body = " " + body;
            }
        }
        if (body.length() >= width) {
            return body;
        }
        String fill = " ".repeat(width - body.length());
        if (flags.indexOf('-') >= 0) {
            return body + fill;
        }
        if (flags.indexOf('0') >= 0) {
            String zeros = "0".repeat(width - body.length());
            boolean sign = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ");
            return sign ? body.charAt(0) + zeros + body.substring(1) : zeros + body;
        }
        return fill + body;
    }
}

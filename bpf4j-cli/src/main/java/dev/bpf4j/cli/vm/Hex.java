package dev.bpf4j.cli.vm;

import dev.bpf4j.FormatException;
import java.io.ByteArrayOutputStream;

/** Hex byte strings as users and the conformance suite write them: pairs of digits, any whitespace between. */
final class Hex {
    private Hex() {
    }

    /**
     * Parses {@code "01 02 0a"} or {@code "01020a"} (whitespace, and {@code 0x} prefixes, ignored).
     *
     * @throws FormatException naming {@code where} if a digit is not hex or a byte is half-written
     */
    static byte[] parse(String text, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String token : text.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            String t = token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
            if (t.length() % 2 != 0) {
                throw new FormatException(where + ": '" + token + "' is not a whole number of hex bytes");
            }
            for (int i = 0; i < t.length(); i += 2) {
                int hi = Character.digit(t.charAt(i), 16);
                int lo = Character.digit(t.charAt(i + 1), 16);
                if (hi < 0 || lo < 0) {
                    throw new FormatException(where + ": '" + token + "' is not hex");
                }
                out.write(hi << 4 | lo);
            }
        }
        return out.toByteArray();
    }
}

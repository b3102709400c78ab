package dev.bpf4j.cli.vm;

import dev.bpf4j.FormatException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One test of the eBPF conformance suite's {@code .data} format (see {@code shared/conformance/README.md}):
 * a program as assembly ({@code -- asm}) or raw hex slots ({@code -- raw}), optional input memory
 * ({@code -- mem}), and the expected outcome, a 64-bit r0 ({@code -- result}) or a failure
 * ({@code -- error}). {@code -- c} and {@code -- no register offset} are notes and are skipped.
 *
 * @param name          the file name
 * @param asm           the assembly text, or null
 * @param raw           the raw program bytes, or null
 * @param mem           the input memory (empty when absent)
 * @param result        the expected r0, or null
 * @param expectedError the expected error text (possibly empty), or null when no error is expected
 */
public record ConformanceFile(String name, String asm, byte[] raw, byte[] mem, Long result, String expectedError) {

    /**
     * Parses a {@code .data} file.
     *
     * @throws FormatException for an unknown section, text outside a section, or a bad hex or result
     */
    public static ConformanceFile parse(String name, String text) {
        String section = null;
        StringBuilder body = new StringBuilder();
        List<String[]> sections = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                if (section != null) {
                    sections.add(new String[] {section, body.toString()});
                }
                section = trimmed.substring(2).strip();
                body.setLength(0);
                if (!List.of("asm", "raw", "mem", "result", "error", "c", "no register offset").contains(section)) {
                    throw new FormatException(name + ": line " + lineNo + ": unknown section '" + trimmed + "'");
                }
            } else if (section != null) {
                body.append(line).append('\n');
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                throw new FormatException(name + ": line " + lineNo + ": text before the first '-- section' line");
            }
        }
        if (section != null) {
            sections.add(new String[] {section, body.toString()});
        }
        String asm = null;
        byte[] raw = null;
        byte[] mem = new byte[0];
        Long result = null;
        String error = null;
        for (String[] s : sections) {
            switch (s[0]) {
                case "asm" -> asm = s[1];
                case "raw" -> raw = Hex.parse(withoutComments(s[1]), name + ": -- raw");
                case "mem" -> mem = Hex.parse(withoutComments(s[1]), name + ": -- mem");
                case "result" -> result = parseResult(name, withoutComments(s[1]).strip());
                case "error" -> error = s[1].strip();
                default -> { }
            }
        }
        if (asm == null && raw == null) {
            throw new FormatException(name + ": no program (neither an '-- asm' nor a '-- raw' section)");
        }
        if (result == null && error == null) {
            throw new FormatException(name + ": no expected outcome (neither '-- result' nor '-- error')");
        }
        return new ConformanceFile(name, asm, raw, mem, result, error);
    }

    private static Long parseResult(String name, String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        try {
            BigInteger v = new BigInteger(digits, 16);
            if (v.signum() < 0 || v.bitLength() > 64) {
                throw new NumberFormatException();
            }
            return v.longValue();
        } catch (NumberFormatException e) {
            throw new FormatException(name + ": -- result: '" + text + "' is not a 64-bit hex value");
        }
    }

    private static String withoutComments(String body) {
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n")) {
            int hash = line.indexOf('#');
            sb.append(hash >= 0 ? line.substring(0, hash) : line).append('\n');
        }
        return sb.toString();
    }
}

package dev.bpf4j.kernel.symbols;

/**
 * One argument of a USDT probe as its note describes it, e.g. {@code -4@%edi} (a signed 4-byte value in
 * register edi), {@code 8@-8(%rbp)} (8 bytes in memory at rbp-8) or {@code 4@$42} (the constant 42).
 *
 * @param size     the value's size in bytes (1, 2, 4 or 8)
 * @param signed   whether the value is signed (a negative size in the spec)
 * @param kind     where the value is
 * @param register the register name without {@code %} (for REGISTER and MEMORY), else null
 * @param value    the memory displacement (MEMORY) or the constant (CONSTANT); 0 for REGISTER
 */
public record UsdtArgument(int size, boolean signed, Kind kind, String register, long value) {
    /** Where an argument's value lives. */
    public enum Kind {
        /** In a register. */
        REGISTER,
        /** In memory at register plus displacement. */
        MEMORY,
        /** A constant in the spec itself. */
        CONSTANT
    }

    /**
     * Parses one argument spec ({@code [-]N@operand}; operands {@code %reg}, {@code $imm},
     * {@code disp(%reg)}, {@code (%reg)}, and the arm64 forms {@code xN} and {@code [xN, disp]}).
     *
     * @throws IllegalArgumentException naming the spec when it cannot be parsed
     */
    public static UsdtArgument parse(String spec) {
        int at = spec.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("USDT argument '" + spec + "' has no size@ prefix");
        }
        int sized;
        try {
            sized = Integer.parseInt(spec.substring(0, at));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("USDT argument '" + spec + "' has a bad size", e);
        }
        int size = Math.abs(sized);
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            throw new IllegalArgumentException("USDT argument '" + spec + "' has size " + size + " (not 1, 2, 4 or 8)");
        }
        boolean signed = sized < 0;
        String op = spec.substring(at + 1);
        try {
            if (op.startsWith("$")) {
                return new UsdtArgument(size, signed, Kind.CONSTANT, null, Long.decode(op.substring(1)));
            }
            if (op.startsWith("%")) {
                return new UsdtArgument(size, signed, Kind.REGISTER, op.substring(1), 0);
            }
            int paren = op.indexOf('(');
            if (paren >= 0 && op.endsWith(")")) {
                String disp = op.substring(0, paren);
                String reg = op.substring(paren + 1, op.length() - 1);
                if (!reg.startsWith("%")) {
                    throw new IllegalArgumentException("USDT argument '" + spec + "': register expected in parentheses");
                }
                return new UsdtArgument(size, signed, Kind.MEMORY, reg.substring(1), disp.isEmpty() ? 0 : Long.decode(disp));
            }
            if (op.startsWith("[") && op.endsWith("]")) {
                String[] parts = op.substring(1, op.length() - 1).split(",");
                long disp = parts.length > 1 ? Long.decode(parts[1].trim()) : 0;
                return new UsdtArgument(size, signed, Kind.MEMORY, parts[0].trim(), disp);
            }
            if (!op.isEmpty() && Character.isLetter(op.charAt(0))) {
                return new UsdtArgument(size, signed, Kind.REGISTER, op, 0);
            }
            if (!op.isEmpty()) {
                return new UsdtArgument(size, signed, Kind.CONSTANT, null, Long.decode(op));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("USDT argument '" + spec + "' has a bad number", e);
        }
        throw new IllegalArgumentException("USDT argument '" + spec + "' has an operand bpf4j cannot read");
    }

    @Override
    public String toString() {
        String where = switch (kind) {
            case REGISTER -> "%" + register;
            case MEMORY -> value + "(%" + register + ")";
            case CONSTANT -> "$" + value;
        };
        return (signed ? "-" : "") + size + "@" + where;
    }
}

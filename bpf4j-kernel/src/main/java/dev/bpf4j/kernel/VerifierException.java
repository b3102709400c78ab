package dev.bpf4j.kernel;

/**
 * The kernel's verifier rejected a program. The message is the decisive line of the log (the last line
 * that says something about the program, not the statistics after it), because that is what a user needs
 * first; {@link #log()} keeps the whole log for the details.
 */
public class VerifierException extends SyscallException {
    private static final long serialVersionUID = 1L;

    private final String log;
    private final String decisiveLine;

    /** A rejection of program {@code program} with {@code errno} and the verifier's {@code log}. */
    public VerifierException(String program, int errno, String log) {
        super("BPF_PROG_LOAD", errno, "program " + program + ": " + decisiveLine(log));
        this.log = log;
        this.decisiveLine = decisiveLine(log);
    }

    /** The whole verifier log, as the kernel wrote it. */
    public String log() {
        return log;
    }

    /** The line that explains the rejection. */
    public String decisiveLine() {
        return decisiveLine;
    }

    /**
     * The last meaningful line of a verifier log: trailing statistics ({@code processed N insns ...},
     * {@code verification time ...}, {@code stack depth ...}) and blank lines are skipped.
     */
    public static String decisiveLine(String log) {
        String[] lines = log.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("processed ") || line.startsWith("verification time")
                    || line.startsWith("stack depth") || line.startsWith("mark_read")
                    || line.startsWith("-- END PROG LOAD LOG --")) {
                continue;
            }
            return line;
        }
        return "(the verifier left no log)";
    }
}

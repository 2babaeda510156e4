package dev.iobuf.examples;

/**
 * A failure a command-line tool reports to its user as one line, then exits with {@link #exitCode()}
 * (1 for a failed run, 2 for a bad command line). Carries no cause: the message says it all.
 */
final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The run failed. */
    static final int FAILED = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;

    private final int exitCode;

    ToolException(String message) {
        this(message, FAILED);
    }

    ToolException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static ToolException usage(String message) {
        return new ToolException(message, USAGE);
    }

    int exitCode() {
        return exitCode;
    }
}

package dev.iobuf.examples;

import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Runs the body of a command-line tool and turns every failure into one line on stderr and an exit
 * code: the user sees what went wrong and what to do (the library's exceptions carry the remedy,
 * e.g. for io_uring blocked by seccomp or RLIMIT_MEMLOCK too low), never a stack trace. Set
 * {@code -Diobuf.examples.trace=true} to get the stack trace as well when debugging.
 */
final class ToolRunner {
    static final String TRACE_PROPERTY = "iobuf.examples.trace";

    /** The work of a tool; writes its report to {@code out}. */
    @FunctionalInterface
    interface Body {
        void run(PrintStream out) throws Exception;
    }

    private ToolRunner() {
    }

    /** Runs {@code body}; returns 0, or the failure's exit code after printing its one-line message. */
    static int run(String tool, PrintStream out, PrintStream err, Body body) {
        try {
            body.run(out);
            out.flush();
            return 0;
        } catch (ToolException e) {
            return fail(tool, err, e.getMessage(), e.exitCode(), e);
        } catch (UringException e) {
            // IoUringBlockedException, IoUringUnavailableException, MemlockLimitException, ...: the message
            // names the call, the errno and the remedy.
            return fail(tool, err, e.getMessage(), ToolException.FAILED, e);
        } catch (IOException e) {
            return fail(tool, err, e.getClass().getSimpleName() + ": " + e.getMessage(), ToolException.FAILED, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(tool, err, "interrupted", ToolException.FAILED, e);
        } catch (UnsupportedOperationException e) {
            // LibUringNotFoundException and friends: the message says what to install.
            return fail(tool, err, e.getMessage(), ToolException.FAILED, e);
        } catch (Exception | Error e) {
            return fail(tool, err, e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (run with -D" + TRACE_PROPERTY + "=true for the stack trace)", ToolException.FAILED, e);
        }
    }

    private static int fail(String tool, PrintStream err, String message, int code, Throwable e) {
        err.println(tool + ": " + oneLine(message));
        if (Boolean.getBoolean(TRACE_PROPERTY)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** {@code message} on a single line (some messages carry line breaks). */
    static String oneLine(String message) {
        return message == null ? "failed" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

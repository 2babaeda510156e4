package dev.iobuf.it;

import java.util.List;

/**
 * How a one-shot container ended: exit code and output. {@link #toString()} tells everything
 * (command, options, output) so that an assertion message alone explains a failure.
 */
record ContainerResult(String description, long exitCode, String stdout, String stderr) {

    List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    List<String> stderrLines() {
        return stderr.lines().toList();
    }

    @Override
    public String toString() {
        return description + "\nexit code " + exitCode
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr + "\n---";
    }
}

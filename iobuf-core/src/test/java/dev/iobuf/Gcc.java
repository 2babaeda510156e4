package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs gcc for the core tests that compare with C (the bindings' conformance tests have their own: core's tests
 * cannot depend on another module's). Aborts the calling test, saying why, where gcc is not installed.
 */
final class Gcc {
    /** gcc's exit code and its output (standard output and error, merged). */
    record Result(int exitCode, String output) {
    }

    private Gcc() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(List.of(args));
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Assumptions.abort("gcc is not installed, so nothing here can be compared with C (scripts/test.sh "
                    + "installs gcc and libc6-dev): " + e);
        }
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).as("gcc ended: %s", command).isTrue();
        return new Result(gcc.exitValue(), output);
    }
}

package dev.iobuf.examples;

import dev.iobuf.BufferPool;
import dev.iobuf.uring.Ring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example program in a child JVM the way users run it: on the module path (the project's jars
 * and the examples' classes), {@code -m dev.iobuf.examples/...}, native access granted to our modules
 * only. A child has its own fd limit and its own signal handlers.
 */
final class ChildJvm implements AutoCloseable {
    static final String NATIVE_ACCESS = "--enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring";

    /** How a child ended. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr + "---";
        }
    }

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stdout = new StringBuffer();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process process) {
        this.process = process;
        this.outReader = Thread.ofPlatform().daemon().name("child-stdout").start(() -> readLines(process.getInputStream()));
        this.errReader = Thread.ofPlatform().daemon().name("child-stderr").start(() -> copy(process.getErrorStream()));
    }

    /** Starts {@code main} (a class of the examples module) with {@code args}. */
    static ChildJvm start(Class<?> main, String... args) throws IOException {
        return start(List.of(), main, args);
    }

    /**
     * Starts {@code main} with at most {@code maxFds} open files (the soft and hard RLIMIT_NOFILE, set by
     * prlimit(1), which then execs: the pid stays the child's).
     */
    static ChildJvm startWithFdLimit(int maxFds, Class<?> main, String... args) throws IOException {
        return start(List.of("prlimit", "--nofile=" + maxFds, "--"), main, args);
    }

    private static ChildJvm start(List<String> prefix, Class<?> main, String... args) throws IOException {
        // env (coreutils >= 9.1) resets SIGINT to its default before exec'ing java: a test JVM started in
        // the background without job control ignores SIGINT, and a child would inherit that and never
        // see the signal the SIGINT test sends. exec keeps the pid, so signal() still reaches java.
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:-UsePerfData", NATIVE_ACCESS,
                "--module-path", modulePath(), "-m", "dev.iobuf.examples/" + main.getName()));
        cmd.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(cmd).start());
    }

    /** Runs {@code main} to its end (killed after {@code timeout}). */
    static Result run(Class<?> main, Duration timeout, String... args) throws IOException, InterruptedException {
        try (ChildJvm child = start(main, args)) {
            return child.await(timeout);
        }
    }

    private static String modulePath() {
        List<String> path = new ArrayList<>();
        // The bindings are exported to dev.iobuf.uring only: name one of their classes, do not import it.
        for (Class<?> c : new Class<?>[] {BufferPool.class, bindingsClass(), Ring.class, EchoServer.class}) {
            try {
                path.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(":", path);
    }

    private static Class<?> bindingsClass() {
        try {
            return Class.forName("dev.iobuf.liburing.Errno");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("native-bindings classes are not on the test class path", e);
        }
    }

    private void readLines(InputStream in) {
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                stdout.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void copy(InputStream in) {
        try {
            in.transferTo(stderr);
        } catch (IOException e) {
            // the process ended
        }
    }

    long pid() {
        return process.pid();
    }

    /** The next stdout line starting with {@code prefix}, waiting up to {@code timeout}. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + timeout + "; so far:\n"
                        + stdout + "--- stderr ---\n" + stderrText() + (process.isAlive() ? "" : "(exited " + process.exitValue() + ")"));
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Sends {@code signal} (e.g. "TERM", "INT") with kill(1). */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Waits for the end (killing the child after {@code timeout}) and returns its result. */
    Result await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            outReader.join(2_000);
            throw new AssertionError("child did not end within " + timeout + "; output:\n" + stdout + "--- stderr ---\n"
                    + stderrText());
        }
        outReader.join(5_000);
        errReader.join(5_000);
        return new Result(process.exitValue(), stdout.toString(), stderrText());
    }

    private String stderrText() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

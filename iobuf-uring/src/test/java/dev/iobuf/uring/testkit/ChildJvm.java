package dev.iobuf.uring.testkit;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
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
 * Runs a main class in a child JVM: for what one JVM can do only once (fd limits through prlimit, signals,
 * exit codes) and for load that should not share the test JVM. Two ways, as our code is run:
 * <ul>
 *   <li>{@link #onModulePath}: a program of a named module (the examples) the way users run it: our three
 *       modules and the program's on the module path, {@code -m module/main}, native access for our modules
 *       only; a small, quick-starting JVM ({@link #PROGRAM_JVM}).
 *   <li>{@link #onClassPath}: a test's main class with our modules' classes on the class path and native
 *       access for the unnamed module ({@code -XX:-UsePerfData} only).
 * </ul>
 * Stdout lines can be awaited while the child runs; stderr is collected. {@code env --default-signal=INT}
 * starts the JVM: a test JVM started in the background without job control ignores SIGINT, and a child
 * would inherit that and never see the SIGINT a test sends (exec keeps the pid, so {@link #signal} reaches java).
 */
public final class ChildJvm implements AutoCloseable {
    /** Native access for our modules only, as the examples' README tells users to grant it. */
    public static final String NATIVE_ACCESS = "--enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring";
    /** The JVM options of {@link #onModulePath} children: serial GC, C1 only, 256 MiB heap, no perf data. */
    public static final List<String> PROGRAM_JVM =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:-UsePerfData");

    /**
     * How a child ended.
     *
     * @param exitCode its exit code
     * @param stdout everything it printed on stdout
     * @param stderr everything it printed on stderr
     */
    public record Result(int exitCode, String stdout, String stderr) {
        /** @return stdout, line by line */
        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr + "---";
        }
    }

    /** A child about to start: what runs before the JVM, its options, and its main class. */
    public static final class Launch {
        private final List<String> prefix = new ArrayList<>();
        private final List<String> jvm = new ArrayList<>();
        private final List<String> main;
        private Path directory;

        private Launch(List<String> jvm, List<String> main) {
            this.jvm.addAll(jvm);
            this.main = main;
        }

        /**
         * Runs the JVM behind {@code command} (which must exec it, e.g. {@code prlimit --nofile=256 --}).
         * @param command the command and its arguments
         * @return this
         */
        public Launch behind(String... command) {
            prefix.addAll(List.of(command));
            return this;
        }

        /**
         * Runs the child with at most {@code maxFds} open files (soft and hard RLIMIT_NOFILE, by prlimit(1),
         * which then execs: the pid stays the child's).
         * @param maxFds the limit
         * @return this
         */
        public Launch fdLimit(int maxFds) {
            return behind("prlimit", "--nofile=" + maxFds, "--");
        }

        /**
         * Runs the child in {@code dir} (its working directory).
         * @param dir the directory
         * @return this
         */
        public Launch in(Path dir) {
            directory = dir;
            return this;
        }

        /**
         * Adds JVM options.
         * @param options the options
         * @return this
         */
        public Launch withJvmOptions(String... options) {
            jvm.addAll(List.of(options));
            return this;
        }

        /**
         * Replaces the JVM options.
         * @param options the options
         * @return this
         */
        public Launch jvmOptions(String... options) {
            jvm.clear();
            jvm.addAll(List.of(options));
            return this;
        }

        /**
         * Starts the child.
         * @param args the main class's arguments
         * @return the running child
         * @throws IOException if it cannot be started
         */
        public ChildJvm start(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(List.of("env", "--default-signal=INT", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(jvm);
            cmd.addAll(main);
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (directory != null) {
                pb.directory(directory.toFile());
            }
            return new ChildJvm(pb.start());
        }

        /**
         * Runs the child to its end (killed after {@code timeout}).
         * @param timeout how long it may take
         * @param args the main class's arguments
         * @return how it ended
         * @throws IOException if it cannot be started
         * @throws InterruptedException if interrupted while waiting
         */
        public Result run(Duration timeout, String... args) throws IOException, InterruptedException {
            try (ChildJvm child = start(args)) {
                return child.await(timeout);
            }
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

    /**
     * {@code main} of a named module, run as users run it (class comment).
     * @param main the main class; its module is found where the class was loaded from
     * @return the launch, to start or run
     */
    public static Launch onModulePath(Class<?> main) {
        String modules = String.join(":", ourModules()) + ":" + location(main);
        String module = ModuleFinder.of(Path.of(location(main))).findAll().stream()
                .map(ModuleReference::descriptor).map(d -> d.name()).findFirst()
                .orElseThrow(() -> new IllegalStateException(location(main) + " holds no module (module-info.class)"));
        return new Launch(PROGRAM_JVM, List.of(NATIVE_ACCESS, "--module-path", modules, "-m", module + "/" + main.getName()));
    }

    /**
     * {@code main} in the unnamed module on the class path, our three modules on the module path with native
     * access, and none for the unnamed module ({@code --illegal-native-access=deny}): what a caller without
     * native access can reach through us.
     * @param main the main class
     * @return the launch, to start or run
     */
    public static Launch unnamedOverOurModules(Class<?> main) {
        return new Launch(List.of("-XX:-UsePerfData"), List.of("--module-path", String.join(":", ourModules()),
                "--add-modules", "dev.iobuf.uring", NATIVE_ACCESS, "--illegal-native-access=deny",
                "-cp", location(main), main.getName()));
    }

    /**
     * {@code main} on the class path with our modules' classes (class comment).
     * @param main the main class
     * @return the launch, to start or run
     */
    public static Launch onClassPath(Class<?> main) {
        String cp = String.join(":", ourModules()) + ":" + location(main);
        return new Launch(List.of("-XX:-UsePerfData"),
                List.of("--enable-native-access=ALL-UNNAMED", "-cp", cp, main.getName()));
    }

    /**
     * {@code main} with the test JVM's whole class path (test libraries included) and native access for the
     * unnamed module ({@code -XX:-UsePerfData} only).
     * @param main the main class
     * @return the launch, to start or run
     */
    public static Launch onTestClassPath(Class<?> main) {
        return new Launch(List.of("-XX:-UsePerfData"), List.of("--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), main.getName()));
    }

    /** Where iobuf-core, native-bindings and iobuf-uring were loaded from (jars or class folders). */
    private static List<String> ourModules() {
        List<String> path = new ArrayList<>();
        // The bindings are exported to our modules only: name their classes, do not import them.
        for (String name : List.of("dev.iobuf.BufferPool", "dev.iobuf.liburing.Errno", "dev.iobuf.uring.Ring")) {
            try {
                path.add(location(Class.forName(name)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(name + " is not on the test class path", e);
            }
        }
        return path;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readLines(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
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

    /** @return the child's process id */
    public long pid() {
        return process.pid();
    }

    /**
     * The next stdout line starting with {@code prefix}, waiting up to {@code timeout}.
     * @param prefix what the line starts with
     * @param timeout how long to wait
     * @return the line
     * @throws InterruptedException if interrupted while waiting
     */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
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

    /**
     * Sends {@code signal} with kill(1).
     * @param signal e.g. "TERM", "INT"
     * @throws IOException if kill cannot be run
     * @throws InterruptedException if interrupted while waiting for kill
     */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /**
     * Waits for the end (killing the child after {@code timeout}, which fails) and returns its result.
     * @param timeout how long to wait
     * @return how it ended
     * @throws InterruptedException if interrupted while waiting
     */
    public Result await(Duration timeout) throws InterruptedException {
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

    /** Kills the child if it still runs. */
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

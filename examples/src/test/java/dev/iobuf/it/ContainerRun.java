package dev.iobuf.it;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs one Java program to completion in a fresh container of the test image (docker/README.md)
 * and returns its exit code and output. The program is either a module of the project's jars
 * ({@link #module}) or a single-file source program ({@link #sourceFile}); the host JDK is
 * bind-mounted read-only at its host path, the jars read-only under {@value #LIB}.
 * Defaults: Docker's default seccomp profile, root, no network, the daemon's memlock limit.
 *
 * <p>Never pulls an image and never skips: no Docker or no image fails the test with the remedy.
 */
final class ContainerRun {
    /** Modules that may call restricted FFM methods: ours, and no other. */
    static final String NATIVE_ACCESS = "--enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring";
    static final String LIB = "/iobuf/lib";
    /** The module of the example programs, and the package of their main classes. */
    static final String EXAMPLES = "dev.iobuf.examples";
    /**
     * JVM options for the short programs of the suite: C1 only and the serial GC start a JVM in about
     * half the CPU time on a busy 2-core machine, and change nothing the tests look at.
     */
    static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final String SRC = "/iobuf/src";
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s'\"$&|;<>()*?`\\\\]");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> javaArgs;
    private final List<String> programArgs = new ArrayList<>();
    private final List<Path> sourceFiles = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private boolean mountJars;
    private SeccompProfile seccomp = SeccompProfile.DOCKER_DEFAULT;
    private long memlockBytes = -1;
    private boolean capIpcLock;
    private String user;
    private String network = "none";
    private Duration timeout = DEFAULT_TIMEOUT;
    private String shellScript;

    private ContainerRun(List<String> javaArgs) {
        this.javaArgs = javaArgs;
    }

    /**
     * {@code java --module-path <project jars> -m module/mainClass}, with native access for our modules
     * and the {@link #QUICK_JVM} options.
     */
    static ContainerRun module(String module, String mainClass) {
        ContainerRun run = new ContainerRun(List.of(NATIVE_ACCESS, "--module-path", modulePath(), "-m", module + "/" + mainClass));
        run.mountJars = true;
        run.jvmArgs.addAll(QUICK_JVM);
        return run;
    }

    /** An example program: {@code example("UringCheck")} runs {@code dev.iobuf.examples.UringCheck}. */
    static ContainerRun example(String simpleName) {
        return module(EXAMPLES, EXAMPLES + "." + simpleName);
    }

    /** {@code java File.java}: a one-file program run by java's source launcher (needs a JDK, not a JRE). */
    static ContainerRun sourceFile(Path hostFile) {
        ContainerRun run = new ContainerRun(List.of("--enable-native-access=ALL-UNNAMED", SRC + "/" + hostFile.getFileName()));
        run.sourceFiles.add(hostFile);
        return run;
    }

    ContainerRun args(String... args) {
        programArgs.addAll(List.of(args));
        return this;
    }

    /**
     * Runs {@code sh -c script sh <java command...>} instead of java alone: the script prepares and checks
     * around the program, which it runs as {@code "$@"} (followed by more arguments if it likes). No
     * quoting of the java command is involved. The container's exit code is the script's.
     */
    ContainerRun inShell(String script) {
        shellScript = script;
        return this;
    }

    /** JVM options, placed before the module or source file. */
    ContainerRun jvmArgs(String... args) {
        jvmArgs.addAll(List.of(args));
        return this;
    }

    ContainerRun seccomp(SeccompProfile profile) {
        seccomp = profile;
        return this;
    }

    /** {@code --ulimit memlock=bytes:bytes} (soft and hard). */
    ContainerRun memlock(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("memlock limit must be >= 0 bytes, got " + bytes);
        }
        memlockBytes = bytes;
        return this;
    }

    /** {@code --cap-add IPC_LOCK}: io_uring then charges nothing to RLIMIT_MEMLOCK (effective for root only). */
    ContainerRun capIpcLock() {
        capIpcLock = true;
        return this;
    }

    /** {@code --user uid:uid}. Locked memory is accounted per uid across containers: pick a uid no one else uses. */
    ContainerRun user(int uid) {
        user = uid + ":" + uid;
        return this;
    }

    /** Docker network mode; "none" (loopback only) unless a test needs more. */
    ContainerRun network(String mode) {
        network = mode;
        return this;
    }

    ContainerRun timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    /**
     * Example server {@code mainClass} as a long-running container (started by the caller, which waits for
     * its {@code <mainClass> listening on} line): same image, mounts and JVM options as {@link #example},
     * under {@code profile} as {@code uid}. No network: the caller picks one.
     */
    @SuppressWarnings("resource") // closed by the caller
    static GenericContainer<?> server(String mainClass, SeccompProfile profile, int uid, String... args) {
        List<String> command = new ArrayList<>();
        Path jdk = ItSettings.hostJdk();
        command.add(jdk == null ? "java" : jdk.resolve("bin/java").toString());
        command.addAll(QUICK_JVM);
        command.addAll(List.of(NATIVE_ACCESS, "--module-path", modulePath(), "-m", EXAMPLES + "/" + EXAMPLES + "." + mainClass));
        command.addAll(List.of(args));
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(ItSettings.image()))
                .withImagePullPolicy(image -> false)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withUser(uid + ":" + uid);
                    String securityOpt = profile.securityOpt();
                    if (securityOpt != null) {
                        cmd.getHostConfig().withSecurityOpts(List.of(securityOpt));
                    }
                })
                .withCommand(command.toArray(String[]::new))
                .waitingFor(Wait.forLogMessage(mainClass + " listening on .*\\n", 1).withStartupTimeout(Duration.ofSeconds(60)));
        if (jdk != null) {
            c.withFileSystemBind(jdk.toString(), jdk.toString(), BindMode.READ_ONLY);
        }
        for (Path jar : ItSettings.jars()) {
            c.withFileSystemBind(jar.toString(), LIB + "/" + jar.getFileName(), BindMode.READ_ONLY);
        }
        return c;
    }

    /** Starts the container, waits for it to exit, returns its exit code and output, removes it. */
    ContainerResult run() {
        Preflight.check();
        List<String> command = command();
        String description = describe(command);
        try (GenericContainer<?> container = container(command)) {
            try {
                container.start();
            } catch (RuntimeException e) {
                throw new AssertionError("container failed to start, or did not exit within " + timeout + " ("
                        + rootCause(e) + "): " + description + "\n--- output so far ---\n" + logsOf(container), e);
            }
            long exit = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec()
                    .getState().getExitCodeLong();
            return new ContainerResult(description, exit,
                    container.getLogs(OutputType.STDOUT), container.getLogs(OutputType.STDERR));
        }
    }

    private GenericContainer<?> container(List<String> command) {
        @SuppressWarnings("resource") // closed by run()
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(ItSettings.image()))
                .withImagePullPolicy(image -> false) // never pull: a missing image fails in < 1 s
                .withNetworkMode(network)
                .withStartupCheckStrategy(new ExitedStartupCheck(timeout))
                .withCommand(command.toArray(String[]::new))
                .withCreateContainerCmdModifier(this::hostOptions);
        Path jdk = ItSettings.hostJdk();
        if (jdk != null) {
            c.withFileSystemBind(jdk.toString(), jdk.toString(), BindMode.READ_ONLY);
        }
        if (mountJars) {
            for (Path jar : ItSettings.jars()) {
                c.withFileSystemBind(jar.toString(), LIB + "/" + jar.getFileName(), BindMode.READ_ONLY);
            }
        }
        for (Path file : sourceFiles) {
            c.withFileSystemBind(file.toString(), SRC + "/" + file.getFileName(), BindMode.READ_ONLY);
        }
        return c;
    }

    private void hostOptions(CreateContainerCmd cmd) {
        HostConfig host = cmd.getHostConfig();
        String securityOpt = seccomp.securityOpt();
        if (securityOpt != null) {
            host.withSecurityOpts(List.of(securityOpt));
        }
        if (memlockBytes >= 0) {
            host.withUlimits(List.of(new Ulimit("memlock", memlockBytes, memlockBytes)));
        }
        if (capIpcLock) {
            host.withCapAdd(Capability.IPC_LOCK);
        }
        if (user != null) {
            cmd.withUser(user);
        }
    }

    private List<String> command() {
        Path jdk = ItSettings.hostJdk();
        List<String> command = new ArrayList<>();
        if (shellScript != null) {
            command.addAll(List.of("sh", "-c", shellScript, "sh"));
        }
        command.add(jdk == null ? "java" : jdk.resolve("bin/java").toString());
        command.addAll(jvmArgs);
        command.addAll(javaArgs);
        command.addAll(programArgs);
        return command;
    }

    private static String modulePath() {
        return String.join(":", ItSettings.jars().stream().map(jar -> LIB + "/" + jar.getFileName()).toList());
    }

    private String describe(List<String> command) {
        return "docker run " + ItSettings.image() + " [seccomp " + seccomp
                + (memlockBytes >= 0 ? ", memlock " + memlockBytes : "")
                + (capIpcLock ? ", cap IPC_LOCK" : "")
                + ", user " + (user == null ? "root" : user)
                + ", network " + network + "] "
                + String.join(" ", command.stream().map(ContainerRun::shellQuoted).toList());
    }

    /** A word as a shell would need it to be written (for the description only: nothing runs through a shell). */
    private static String shellQuoted(String word) {
        return word.isEmpty() || NEEDS_QUOTES.matcher(word).find() ? "'" + word.replace("'", "'\\''") + "'" : word;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static String logsOf(GenericContainer<?> container) {
        try {
            return container.getContainerId() == null ? "(container not created)" : container.getLogs();
        } catch (RuntimeException e) {
            return "(no logs: " + e + ")";
        }
    }

    /** Once per JVM: Docker answers and the image exists, else fail with what to run. */
    private static final class Preflight {
        private static final String ERROR = check0();

        static void check() {
            if (ERROR != null) {
                throw new IllegalStateException(ERROR);
            }
        }

        private static String check0() {
            String image = ItSettings.image();
            try {
                DockerClientFactory.instance().client().inspectImageCmd(image).exec();
                return null;
            } catch (NotFoundException e) {
                return "image " + image + " does not exist: build it with scripts/build-image.sh (no registry is used;"
                        + " see docker/README.md). The integration tests never pull.";
            } catch (RuntimeException e) {
                return "Docker is not reachable (" + e + "): start it with scripts/setup-docker.sh, or switch the"
                        + " integration tests off explicitly: IOBUF_SKIP_IT=1 scripts/test.sh (mvn -DskipITs)";
            }
        }
    }
}

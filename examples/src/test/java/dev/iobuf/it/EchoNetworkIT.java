package dev.iobuf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.OutputFrame.OutputType;

/**
 * The echo server and its client in two containers on a user-defined Docker network (a bridge; the
 * containers reach each other by network alias through Docker's DNS), both as uid 1000 under Docker's
 * default seccomp profile: the EchoClient example connects 200 times over the bridge, sends messages of
 * 1 .. 20,000 bytes (crossing the 8 KiB provided-buffer size) and checks every echo byte for byte. Then
 * the server container is stopped the way Docker stops containers, with SIGTERM: the server shuts down
 * gracefully and its last lines show every counter at zero. And with io_uring blocked by seccomp, the
 * server asked for io_uring ({@code --transport io_uring}) fails at start with one line (NioFallbackIT
 * shows the default, which serves over NIO there).
 */
class EchoNetworkIT {
    private static final int UNPRIVILEGED = 1000;
    private static final String ALIAS = "echo-server";
    private static final int PORT = 7007;
    private static final int CONNECTIONS = 200;

    @Test
    void clientInOneContainerEchoesThroughServerInAnotherThenSigtermStopsItClean() {
        try (Network network = Network.newNetwork(); GenericContainer<?> server = echoServer(network)) {
            server.start();
            ContainerResult client = ContainerRun.example("EchoClient").network(network.getId()).user(UNPRIVILEGED)
                    .args("--host", ALIAS, "--port", String.valueOf(PORT), "--connections", String.valueOf(CONNECTIONS),
                            "--rounds", "5", "--size", "20000", "--vary-size", "--loops", "2")
                    .timeout(Duration.ofSeconds(120)).run();
            assertThat(client.exitCode()).as("%s\n--- server so far ---\n%s", client, server.getLogs()).isZero();
            assertThat(client.stderr()).as("%s", client).isEmpty();
            assertThat(client.stdoutLines()).as("%s", client).singleElement().asString()
                    .startsWith("EchoClient OK: " + CONNECTIONS + " connections x 5 rounds, ")
                    .contains("bytes echoed byte for byte").endsWith("client counters at zero");

            DockerClient docker = server.getDockerClient();
            docker.stopContainerCmd(server.getContainerId()).withTimeout(30).exec();   // SIGTERM, SIGKILL after 30 s
            long exit = docker.inspectContainerCmd(server.getContainerId()).exec().getState().getExitCodeLong();
            String out = server.getLogs(OutputType.STDOUT);
            String err = server.getLogs(OutputType.STDERR);
            String all = "exit " + exit + "\n--- server stdout ---\n" + out + "--- server stderr ---\n" + err;
            System.out.println("client: " + client.stdout().strip() + "\nserver after SIGTERM: " + all);
            assertThat(exit).as("server exit code after SIGTERM: %s", all).isZero();
            assertThat(err).as("%s", all).isEmpty();
            List<String> lines = out.lines().toList();
            assertThat(lines).as("%s", all).hasSize(4);
            assertThat(lines.get(0)).startsWith("EchoServer listening on 0.0.0.0:" + PORT + " (2 event loops, io_uring;");
            assertThat(lines.get(1)).startsWith("EchoServer: SIGTERM, shutting down");
            assertThat(lines.get(2)).as("%s", all).startsWith("EchoServer stopped: clean=true quiescent=true openFds=0"
                    + " connectionsOpen=0 queuedWriteBytes=0 recvBuffersRetained=0 leakedRecvBuffers=0 leakedWriteBuffers=0");
            assertThat(lines.get(3)).as("%s", all)
                    .startsWith("counters NetCounters[loops=2, connectionsOpen=0, connectionsAccepted=" + CONNECTIONS + ",")
                    .contains("recvBuffersPending=0, recvBuffersRetained=0, recvBuffersReturned=0,")
                    .contains("writeBuffersInUse=0, queuedWriteBytes=0,")
                    .contains("leakedRecvBuffers=0, leakedWriteBuffers=0,").endsWith("invalidCompletions=0]");
        }
    }

    @Test
    void blockedIoUringStopsTheServerAtStartWithOneLine() {
        ContainerResult r = ContainerRun.example("EchoServer").args("--port", String.valueOf(PORT), "--transport", "io_uring")
                .seccomp(SeccompProfile.IO_URING_EPERM).user(UNPRIVILEGED).run();
        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.stdout()).as("%s", r).isEmpty();
        assertThat(r.stderrLines()).as("%s", r).singleElement().asString()
                .startsWith("EchoServer: ").contains("EPERM").contains("io_uring is blocked").doesNotContain("\tat ");
    }

    /** The server as a long-running container on {@code network} (see {@link ContainerRun#server}). */
    @SuppressWarnings("resource") // closed by the test
    private static GenericContainer<?> echoServer(Network network) {
        return ContainerRun.server("EchoServer", SeccompProfile.DOCKER_DEFAULT, UNPRIVILEGED,
                        "--port", String.valueOf(PORT), "--loops", "2")
                .withNetwork(network)
                .withNetworkAliases(ALIAS);
    }
}

package dev.iobuf.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.time.Instant;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;

/**
 * A one-shot startup check that is done when the container has exited, whatever its exit code
 * (the test asserts on the code with the output at hand, instead of a ContainerLaunchException).
 * Polls every 50 ms: Testcontainers' OneShotStartupCheckStrategy goes through a 1 call/s rate
 * limiter, which costs about half a second per short container.
 */
final class ExitedStartupCheck extends StartupCheckStrategy {
    private static final Duration POLL = Duration.ofMillis(50);

    private final Duration timeout;

    ExitedStartupCheck(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public boolean waitUntilStartupSuccessful(GenericContainer<?> container) {
        return waitUntilStartupSuccessful(container.getDockerClient(), container.getContainerId());
    }

    @Override
    public boolean waitUntilStartupSuccessful(DockerClient client, String containerId) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (checkStartupState(client, containerId) == StartupStatus.SUCCESSFUL) {
                return true;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public StartupStatus checkStartupState(DockerClient client, String containerId) {
        InspectContainerResponse.ContainerState state = client.inspectContainerCmd(containerId).exec().getState();
        return Boolean.TRUE.equals(state.getRunning()) || state.getFinishedAt() == null
                || state.getFinishedAt().startsWith("0001-") // Docker's zero time: not started yet
                ? StartupStatus.NOT_YET_KNOWN
                : StartupStatus.SUCCESSFUL;
    }
}

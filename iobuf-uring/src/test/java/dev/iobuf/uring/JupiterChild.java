package dev.iobuf.uring;

import java.util.Arrays;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the test classes named in its arguments through the JUnit launcher, in a child JVM started by
 * {@link PrivateCheckoutTest}, and prints one line per finished test or failed container:
 * {@code RESULT <class>#<method> SUCCESSFUL|ABORTED|FAILED|SKIPPED <reason on one line>}.
 */
public final class JupiterChild {
    private JupiterChild() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(args).map(DiscoverySelectors::selectClass).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    report(id, result.getStatus().name(), result.getThrowable().map(Throwable::toString));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                report(id, "SKIPPED", Optional.ofNullable(reason));
            }
        });
    }

    private static void report(TestIdentifier id, String status, Optional<String> reason) {
        String name = id.getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getClassName() + "#" + ((MethodSource) s).getMethodName())
                .orElse(id.getUniqueId());
        System.out.println("RESULT " + name + " " + status + " " + reason.orElse("").replace('\n', ' '));
    }
}

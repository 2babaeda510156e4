package dev.iobuf.uring;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Turns an {@link UnsupportedFeatureException} for a feature newer than the running kernel into a skip
 * (an aborted test, counted as skipped) that names the feature, the Linux version that has it and this
 * kernel. On a kernel that should have the feature the exception stays a failure. Registered by
 * {@link KernelTest}: the kernel matrix (scripts/kernel-matrix.sh) runs those tests on old kernels,
 * where such skips are expected.
 */
public final class KernelSkip implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw skipOrRethrow(t);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw skipOrRethrow(t);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw skipOrRethrow(t);
    }

    /**
     * Skips the test unless the running kernel is at least {@code version}: for what no probe can tell
     * (flags of an operation, kernel behaviour), named in {@code feature}.
     */
    public static void requireKernel(String version, String feature) {
        Assumptions.assumeTrue(Kernel.atLeast(version), () -> "this kernel (" + Kernel.describe() + ") predates "
                + feature + " (Linux " + version + "), skipping");
    }

    private static Throwable skipOrRethrow(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedFeatureException e && !Kernel.atLeast(e.since())) {
                TestAbortedException skip = new TestAbortedException("this kernel (" + Kernel.describe() + ") lacks "
                        + e.feature() + " (Linux " + e.since() + "), skipping: " + e.getMessage());
                skip.initCause(t);
                return skip;
            }
        }
        return t;
    }
}

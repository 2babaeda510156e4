package dev.iobuf.examples;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as a request to shut down gracefully: the servers' main thread waits in
 * {@link #await()}, then closes the listener, drains the connections, prints the counters and exits with
 * 0. A second signal while that is going on exits at once (status 128 + signal number).
 *
 * <p>Why {@code sun.misc.Signal} (module jdk.unsupported) and not a shutdown hook: the JVM's own handler
 * exits with 130 or 143 whatever a hook does, and starts its exit before the hook's work is done; with
 * our handler the program ends by returning from {@code main}, with the status it chose. If a handler
 * cannot be installed ({@code Signal.handle} refuses a signal the VM or OS reserves), a shutdown hook does
 * the graceful part instead and the exit status is the JVM's.
 */
final class ShutdownSignals {
    private final String tool;
    private final PrintStream err;
    private final CountDownLatch first = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private volatile String name;
    /** The handlers ours replaced, put back by {@link #done()}. */
    private final java.util.Map<Signal, sun.misc.SignalHandler> replaced = new java.util.concurrent.ConcurrentHashMap<>();

    private ShutdownSignals(String tool, PrintStream err) {
        this.tool = tool;
        this.err = err;
    }

    /** Installs the handlers for SIGINT and SIGTERM. */
    static ShutdownSignals install(String tool, PrintStream err) {
        ShutdownSignals s = new ShutdownSignals(tool, err);
        for (String sig : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(sig);
                s.replaced.put(signal, Signal.handle(signal, x -> s.onSignal("SIG" + x.getName(), 128 + x.getNumber())));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                s.fallBackToShutdownHook(sig, e);
                break;
            }
        }
        return s;
    }

    private void onSignal(String signal, int status) {
        if (received.getAndIncrement() == 0) {
            name = signal;
            first.countDown();
        } else {
            err.println(tool + ": " + signal + " again during shutdown: exiting now, without waiting for the connections");
            err.flush();
            Runtime.getRuntime().halt(status);
        }
    }

    private void fallBackToShutdownHook(String sig, RuntimeException why) {
        err.println(tool + ": cannot handle SIG" + sig + " (" + why.getMessage() + "): shutting down from a shutdown hook"
                + " instead (the exit status will be the JVM's)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            onSignal("shutdown hook", 1);
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, tool + "-shutdown"));
    }

    /** Waits for the first signal; returns its name ({@code SIGINT}, {@code SIGTERM}). */
    /**
     * Ends {@link #await()} without a signal, with {@code reason} (a failed event loop): the server shuts
     * down as for a signal, then exits non-zero.
     */
    void stop(String reason) {
        if (received.getAndIncrement() == 0) {
            name = reason;
            first.countDown();
        }
    }

    String await() throws InterruptedException {
        first.await();
        return name;
    }

    /** Shutdown is complete (releases the fallback shutdown hook, if any). */
    void done() {
        replaced.forEach(Signal::handle);
        finished.countDown();
    }
}

package dev.iobuf.bench;

import java.util.concurrent.TimeUnit;

/** The other side of a wake-up benchmark: a daemon thread running one blocking step until stopped. */
final class EchoThread {
    /** One blocking round of the echo side; it ends when interrupted. */
    @FunctionalInterface
    interface Step {
        void run() throws InterruptedException;
    }

    private final Thread thread;

    private EchoThread(Thread thread) {
        this.thread = thread;
    }

    static EchoThread start(String name, Step step) {
        Thread t = Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            try {
                for (;;) {
                    step.run();
                }
            } catch (InterruptedException stop) {
                // asked to stop: the step was blocked, so nothing is half done
            }
        });
        t.start();
        return new EchoThread(t);
    }

    /** Whether the thread is parked (WAITING): where acquire() ends up after spinning and yielding. */
    boolean isParked() {
        return thread.getState() == Thread.State.WAITING;
    }

    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not stop within 10 s of its interrupt");
        }
    }
}

package dev.iobuf;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * The pools' way to {@link PoolWaitEvent}: it touches the event class only once JFR is up. The first subclass of
 * {@code jdk.jfr.Event} a JVM loads brings up JFR's metadata repository (~170 classes, hundreds of ms on a slow
 * host) even when nothing records, and no recording can exist before {@link FlightRecorder#isInitialized()}
 * turns true: a recording (command line, {@code jcmd}, the API) always initialises the recorder first. So a
 * wait before that records nothing either way, and one after it goes through the event as before.
 *
 * <p>The event class is initialised as soon as JFR is (a listener, registered when a pool class is
 * initialised), not on the first wait after it: a virtual thread that waits for a class's initialisation
 * is pinned to its carrier ({@code jdk.VirtualThreadPinned}).
 */
final class PoolWaitRecording {
    static {
        FlightRecorder.addListener(new FlightRecorderListener() {
            @Override
            public void recorderInitialized(FlightRecorder recorder) {
                PoolWaitEvent.PROBE.isEnabled();
            }
        });
    }

    private PoolWaitRecording() {
    }

    /** Registers the listener (class initialisation), so that JFR's start initialises the event class. */
    static void prepare() {
        // the work is in the static initialiser: once per JVM
    }

    /** A started event when a recording wants waits, else null (always null before JFR is up). */
    static PoolWaitEvent begin() {
        return FlightRecorder.isInitialized() ? PoolWaitEvent.beginIfRecording() : null;
    }

    /** Ends {@code event} (from {@link #begin()}; null: nothing to do) and commits it if it is long enough. */
    static void end(PoolWaitEvent event, String pool, int capacity, long timeoutNanos, boolean acquired) {
        if (event != null) {
            PoolWaitEvent.end(event, pool, capacity, timeoutNanos, acquired);
        }
    }
}

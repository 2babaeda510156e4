package dev.iobuf.uring.net;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ObjectName;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Makes a running event loop observable: its {@link NetCounters} as the JMX MBean
 * {@code dev.iobuf:type=EventLoop,name=<loop thread name>}, and the periodic JFR event
 * {@code dev.iobuf.ConnectionSummary}. JFR calls the hook only while a recording enables that event;
 * the hook hands each loop a task, so the snapshot is taken and committed on the loop's thread and the
 * JFR thread never waits for a busy loop.
 *
 * <p>Names are unique in the JVM: two groups may share a thread-name prefix, so a loop whose thread name is
 * taken by a live loop is registered as {@code <thread name>#2} ({@code #3}, ...); its JFR summaries carry the
 * same name. The MBean is registered when the loop starts if the platform MBean server is up, else moments
 * later by {@link WarmUp} ({@link LoopMBean} says why).
 */
final class LoopMonitor {
    private static final Set<LoopMonitor> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // The periodic hook is added once JFR is up (at once if it already is): adding it earlier would load the
        // event class and so bring JFR's metadata repository up at every start, recording or not.
        FlightRecorder.addListener(new FlightRecorderListener() {
            @Override
            public void recorderInitialized(FlightRecorder recorder) {
                FlightRecorder.addPeriodicEvent(ConnectionSummaryEvent.class, LoopMonitor::summarizeAll);
            }
        });
    }

    /**
     * Starts, once per JVM, a daemon thread that does the one-time observability set-up a loop's start would
     * otherwise do on its own critical path: initialising this class (JFR's listener), the platform MBean server
     * (~160 classes; its diagnostic-command MBean parses JFR's settings files) and, only when JFR is already up
     * (a recording from the command line), loading the JFR event classes. Before JFR is up they are not
     * touched at all: the first subclass of {@code jdk.jfr.Event} a JVM loads brings up JFR's metadata
     * repository, ~170 classes, even with no recording. Then it registers the MBeans of the loops that started
     * before the server was up ({@link LoopMBean}), and last runs the loops' log formatting once
     * ({@link LoopLog#warmUpFormatting}: ~40 ms of a start's CPU otherwise, none of it needing a file). Started when a group is built, at a low priority
     * ({@link #lowerPriority}), it runs while the loops open their rings and pools and serve their first requests;
     * a thread that needs one of these initialisations first waits for the same one-time work (never does it
     * twice). Referring to this nested class does not initialise {@link LoopMonitor}. benchmarks/README.md,
     * "Start time", has the measurements.
     */
    static final class WarmUp implements Runnable {
        /** In the order a loop's start needs them. */
        private static final String[] EVENT_CLASSES = {"dev.iobuf.uring.RingSetupEvent", "dev.iobuf.PoolWaitEvent",
            "dev.iobuf.uring.BufferRingEmptyEvent", "dev.iobuf.uring.net.ConnectionSummaryEvent"};

        private static final AtomicBoolean STARTED = new AtomicBoolean();
        /** The warm-up thread's nice value (see {@link #lowerPriority}). */
        private static final int NICE = 10;

        static void start() {
            if (STARTED.compareAndSet(false, true)) {
                Thread.ofPlatform().daemon().name("iobuf-monitor-warmup").start(new WarmUp());
            }
        }

        @Override
        public void run() {
            try {
                // At the normal priority: a loop recording its ring set-up would wait for these.
                if (FlightRecorder.isInitialized()) {
                    for (String name : EVENT_CLASSES) {
                        Class.forName(name, true, WarmUp.class.getClassLoader());
                    }
                }
                lowerPriority();
                LoopMBean.creatingServer();
                LoopMonitor.prepare();
            } catch (ReflectiveOperationException | RuntimeException | Error e) {
                // Only a head start: the registrations below report whatever goes wrong.
            } finally {
                LoopMBean.registerWaiting();
            }
            LoopLog.warmUpFormatting();
        }

        /**
         * Nice {@value #NICE} for this thread only: it then runs mostly on a core the loops leave idle (or once
         * they wait), and a start pinned to one core (the benchmark's) loses ~3 % of that core to it, not half.
         * Not 19: a thread that asks for the platform MBean server while this one makes it waits for this one
         * (the JDK makes it under a lock), and on a machine busy with other processes a nice-19 thread gets
         * ~0.2 % of a core (a JMX agent attaching at that moment would wait tens of seconds), nice 10 ~10x more.
         * Best effort: a failure leaves the priority as it was.
         */
        private static void lowerPriority() {
            try {
                Syscalls.setpriority(LibcAbi.PRIO_PROCESS(), 0, NICE);
            } catch (RuntimeException | Error e) {
                // no native access, or no Linux: run at the normal priority
            }
        }
    }

    private final EventLoop loop;
    private final LoopMBean mbean;
    /** The counters at the previous summary; loop thread only. */
    private NetCounters previous = NetCounters.ZERO;

    private LoopMonitor(EventLoop loop, LoopMBean mbean) {
        this.loop = loop;
        this.mbean = mbean;
    }

    /** Class initialisation (the JFR listener, above) and the platform MBean server; see {@link WarmUp}. */
    static void prepare() {
        ManagementFactory.getPlatformMBeanServer();
    }

    /**
     * Starts observing the running {@code loop}, named {@code name} (its thread's name) or, if taken, {@code name#n}:
     * its MBean now if the platform MBean server is up, else once the warm-up brought it up ({@link LoopMBean}).
     */
    static LoopMonitor start(EventLoop loop, String name) {
        LoopMonitor m = new LoopMonitor(loop, LoopMBean.start(loop, name));
        LIVE.add(m);
        return m;
    }

    /** Unregisters the loop (after its last turn). */
    void stop() {
        LIVE.remove(this);
        mbean.stop();
    }

    /** The name of the loop in its MBean and its JFR summaries: its thread's, made unique. */
    String name() {
        return mbean.name();
    }

    /** The MBean's name, or null while it is not registered (queued for the warm-up, or refused: logged). */
    ObjectName objectName() {
        return mbean.objectName();
    }

    private static void summarizeAll() {
        for (LoopMonitor m : LIVE) {
            try {
                m.loop.execute(m::summarize);
            } catch (RejectedExecutionException e) {
                // the loop is shutting down: its last summary is not worth waiting for
            }
        }
    }

    private void summarize() {
        NetCounters now = loop.counters();
        ConnectionSummaryEvent.commit(mbean.name(), now, previous);
        previous = now;
    }
}

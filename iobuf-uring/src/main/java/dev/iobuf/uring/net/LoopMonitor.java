package dev.iobuf.uring.net;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
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
 * same name.
 */
final class LoopMonitor {
    private static final System.Logger LOG = System.getLogger(LoopMonitor.class.getName());
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
     * repository, ~170 classes, even with no recording. Started when a group is built, it
     * runs while the loops open their rings and pools; a loop that gets there first waits for the same
     * one-time initialisation (never does it twice). Referring to this nested class does not initialise
     * {@link LoopMonitor}. benchmarks/README.md, "Start time", has the measurements.
     */
    static final class WarmUp implements Runnable {
        /** In the order a loop's start needs them. */
        private static final String[] EVENT_CLASSES = {"dev.iobuf.uring.RingSetupEvent", "dev.iobuf.PoolWaitEvent",
            "dev.iobuf.uring.BufferRingEmptyEvent", "dev.iobuf.uring.net.ConnectionSummaryEvent"};

        private static final AtomicBoolean STARTED = new AtomicBoolean();

        static void start() {
            if (STARTED.compareAndSet(false, true)) {
                Thread.ofPlatform().daemon().name("iobuf-monitor-warmup").start(new WarmUp());
            }
        }

        @Override
        public void run() {
            try {
                if (FlightRecorder.isInitialized()) {
                    for (String name : EVENT_CLASSES) {
                        Class.forName(name, true, WarmUp.class.getClassLoader());
                    }
                }
                LoopMonitor.prepare();
            } catch (ReflectiveOperationException | RuntimeException | Error e) {
                // Only a head start: the loop's own registration reports whatever goes wrong.
            }
        }
    }

    private final EventLoop loop;
    private final String name;
    private final ObjectName objectName;
    /** The counters at the previous summary; loop thread only. */
    private NetCounters previous = NetCounters.ZERO;

    private LoopMonitor(EventLoop loop, String name, ObjectName objectName) {
        this.loop = loop;
        this.name = name;
        this.objectName = objectName;
    }

    /** Class initialisation (the JFR listener, above) and the platform MBean server; see {@link WarmUp}. */
    static void prepare() {
        ManagementFactory.getPlatformMBeanServer();
    }

    /** Registers the running loop {@code loop}, named {@code name} (its thread's name) or, if taken, {@code name#n}. */
    static LoopMonitor start(EventLoop loop, String name) {
        ObjectName on = register(loop, name);
        LoopMonitor m = new LoopMonitor(loop, on == null ? name : ObjectName.unquote(on.getKeyProperty("name")), on);
        LIVE.add(m);
        return m;
    }

    /** Unregisters the loop (after its last turn). */
    void stop() {
        LIVE.remove(this);
        if (objectName != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName);
            } catch (JMException e) {
                LOG.log(System.Logger.Level.DEBUG, "MBean " + objectName + " was already gone", e);
            }
        }
    }

    /** The name of the loop in its MBean and its JFR summaries: its thread's, made unique. */
    String name() {
        return name;
    }

    /** The MBean's name, or null if it could not be registered (logged). */
    ObjectName objectName() {
        return objectName;
    }

    private static ObjectName register(EventLoop loop, String threadName) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (int n = 1; ; n++) {
                String name = n == 1 ? threadName : threadName + "#" + n;
                ObjectName on = new ObjectName("dev.iobuf:type=EventLoop,name=" + ObjectName.quote(name));
                try {
                    server.registerMBean(new CountersMBean(loop::counters, "Counters of event loop " + name), on);
                    return on;
                } catch (InstanceAlreadyExistsException taken) {
                    // another live loop has this thread name (two groups, one prefix): try the next suffix
                }
            }
        } catch (JMException | RuntimeException e) {
            // Observability must never stop a loop from running: a restricted MBean server leaves this
            // loop without an MBean, and says so.
            LOG.log(System.Logger.Level.WARNING, "event loop " + threadName + " runs without its JMX MBean: " + e);
            return null;
        }
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
        ConnectionSummaryEvent.commit(name, now, previous);
        previous = now;
    }
}

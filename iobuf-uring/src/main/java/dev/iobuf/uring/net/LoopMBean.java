package dev.iobuf.uring.net;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * A running loop's JMX MBean {@code dev.iobuf:type=EventLoop,name=<name>}, and the loop's name in the JVM.
 *
 * <p>Bringing the platform MBean server up costs a start about a quarter of its time (~160 classes, every
 * platform MXBean, a diagnostic-command MBean that parses JFR's settings files), so a loop does not do it: if
 * the server is already up (someone asked for it: a JMX agent, a monitoring library, a test), the loop registers
 * at once; otherwise it is queued and {@link LoopMonitor.WarmUp}, which brings the server up off the loops'
 * critical path, registers it moments later. Nothing is skipped: every loop that is still running then gets
 * its MBean. A loop that stops first is simply taken off the queue.
 *
 * <p>Names are unique in the JVM: two groups may share a thread-name prefix, so a loop whose thread name is
 * taken by a live loop is named {@code <thread name>#2} ({@code #3}, ...). The name is reserved when the loop
 * starts, so its JFR summaries carry it whether or not its MBean is registered yet.
 */
final class LoopMBean {
    private static final System.Logger LOG = System.getLogger(LoopMBean.class.getName());
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    /** Loops waiting for the platform MBean server; null once the warm-up registered them (guarded by LOCK). */
    private static List<LoopMBean> waiting = new ArrayList<>();
    /**
     * Whether the warm-up is bringing the server up (guarded by LOCK). A loop then queues without asking
     * {@link MBeanServerFactory}: its methods are synchronized on the class the whole time the server is being
     * made, so asking would make the loop wait for the low-priority warm-up thread.
     */
    private static boolean creating;
    private final EventLoop loop;
    private final String name;
    /** The registered MBean's name; null before registration, after stop, or if registration failed. */
    private ObjectName objectName;           // guarded by this
    private boolean stopped;                 // guarded by this

    private LoopMBean(EventLoop loop, String name) {
        this.loop = loop;
        this.name = name;
    }

    /** Names the running {@code loop} (its thread's name, made unique) and registers it now or queues it. */
    static LoopMBean start(EventLoop loop, String threadName) {
        LoopMBean b = new LoopMBean(loop, reserve(threadName));
        synchronized (LOCK) {
            if (waiting != null && (creating || !platformServerUp())) {
                waiting.add(b);
                return b;
            }
        }
        b.register();
        return b;
    }

    /** The warm-up thread, before it brings the platform MBean server up: loops queue from now on. */
    static void creatingServer() {
        synchronized (LOCK) {
            creating = true;
        }
    }

    /** The warm-up thread, once the platform MBean server is up: registers the loops that waited for it. */
    static void registerWaiting() {
        List<LoopMBean> todo;
        synchronized (LOCK) {
            todo = waiting;
            waiting = null;
        }
        if (todo != null) {
            todo.forEach(LoopMBean::register);
        }
    }

    /** Unregisters the MBean (or takes the loop off the queue) and frees the name; after the loop's last turn. */
    void stop() {
        synchronized (LOCK) {
            if (waiting != null) {
                waiting.remove(this);
            }
        }
        ObjectName on;
        synchronized (this) {
            stopped = true;
            on = objectName;
            objectName = null;
        }
        if (on != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(on);
            } catch (JMException e) {
                LOG.log(System.Logger.Level.DEBUG, "MBean " + on + " was already gone", e);
            }
        }
        NAMES.remove(name);
    }

    /** The loop's name in the JVM: its thread's, made unique. */
    String name() {
        return name;
    }

    /** The MBean's name, or null while it is not registered (queued, stopped, or refused: logged). */
    synchronized ObjectName objectName() {
        return objectName;
    }

    private static String reserve(String threadName) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? threadName : threadName + "#" + n;
            if (NAMES.add(candidate)) {
                return candidate;
            }
        }
    }

    /** Whether anyone made the platform MBean server yet (it is made through MBeanServerFactory); never makes it. */
    private static boolean platformServerUp() {
        return !MBeanServerFactory.findMBeanServer(null).isEmpty();
    }

    private synchronized void register() {
        if (stopped) {
            return;
        }
        try {
            ObjectName on = new ObjectName("dev.iobuf:type=EventLoop,name=" + ObjectName.quote(name));
            ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(new CountersMBean(loop::counters, "Counters of event loop " + name), on);
            objectName = on;
        } catch (JMException | RuntimeException | LinkageError e) {
            // Observability must never stop a loop from running: a restricted MBean server (or a foreign MBean
            // under our name, or a class that could not be loaded out of fds) leaves this loop without an MBean,
            // and says so.
            LOG.log(System.Logger.Level.WARNING, "event loop " + name + " runs without its JMX MBean: " + e);
        }
    }
}

package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.util.List;

/**
 * The classes a running event loop may need first when the process is out of file descriptors, made ready before
 * any loop runs: the one place such a class is named.
 *
 * <p>Why: the JVM loads a class at its first use, and loading it from a class folder (or a jar not yet opened) opens
 * a file. A loop runs out of fds exactly when a flood of connections took them all, and what it reaches then must
 * not be its first use of a class: the first accepted connection's halves, a peer's reset (an errno message), a
 * deadline or idle timer, a close, a TLS handshake, a UDP endpoint's counters, its ring's teardown, the JMX
 * registration the monitor warm-up may do late. A {@link NoClassDefFoundError} there killed a loop (seen in
 * {@code FdExhaustionTest}, once for each place this list replaces). Classes of the JDK come from its runtime
 * image, mapped at start: they need no fd.
 *
 * <p>Each package whose classes a loop reaches lists its own: this class the network runtime's, and a
 * package-private {@code RarePathClasses} the ring's ({@code dev.iobuf.uring}) and the bindings'
 * ({@code dev.iobuf.liburing}: the holders of downcalls bound on their first call), initialised from here. An
 * application adds its handlers' classes with {@link EventLoopGroup.Builder#preload}. {@link #prepare} runs when a group is built, before its first loop starts
 * (both transports); {@code RarePathClassesTest} drives the rare paths in a child JVM with a class-load log and names
 * any class of the runtime first loaded after the server was up: add it to its package's list.
 */
final class RarePathClasses {
    /**
     * This package's, each with its nest members (nested and anonymous classes, the switch maps javac makes for a
     * switch over another class's enum). Loading is what needs the fd; they are not initialised here, which would
     * pull their dependencies (the native library, JMX) onto the thread that builds the group.
     */
    private static final List<Class<?>> CLASSES = List.of(
            CloseReason.class,                          // every close
            ReceiveHalf.class, Receiving.class, SendHalf.class, WriteQueue.class,   // the first connection, io_uring
            NioReceiveHalf.class, NioSendHalf.class,    // the first connection, NIO
            NioErrors.class, UringException.class,      // a failed accept, a reset, a refused connect
            ClientConnect.class,                        // a client connect
            TlsBound.class,                             // every connection asks whether its handler is a TLS one
            TlsLink.class,                              // the first TLS connection
            NioDatagramEndpoint.class,                  // a NIO loop asks whether a ready key is a UDP endpoint's
            DatagramCounters.class,                     // a UDP endpoint's counters
            CountersMBean.class);                       // the warm-up registering a loop's MBean after a flood
    /**
     * A public class of each other package with a list (its {@code RarePathClasses}, package-private: initialising it
     * loads its classes), found through that class's loader.
     */
    private static final List<Class<?>> OTHER_PACKAGES = List.of(Ring.class, Errno.class);

    private RarePathClasses() {
    }

    /** The runtime's own, once per JVM (the holder's initialisation). */
    private static final class Once {
        static {
            LoopLog.loadFiles();                        // the files a first log call reads (zone rules, logging config)
            for (Class<?> c : CLASSES) {
                c.getNestMembers();                     // loads them (and c, named above)
            }
            for (Class<?> c : OTHER_PACKAGES) {
                try {
                    Class.forName(c.getPackageName() + "." + RarePathClasses.class.getSimpleName(), true,
                            c.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new ExceptionInInitializerError(e);   // a list renamed or moved without this line
                }
            }
        }

        static void ready() {
            // the static initialiser did it
        }
    }

    /**
     * Loads the runtime's rare-path classes (once per JVM), then initialises {@code application}'s (loaded by being
     * named; initialising links them and runs their static initialisers, a no-op when done already) and loads their
     * nest members.
     */
    static void prepare(List<Class<?>> application) {
        Once.ready();
        for (Class<?> c : application) {
            initialize(c);
            c.getNestMembers();
        }
    }

    /** Initialises {@code c} (and so links it): no access check, so any module's class will do. */
    private static void initialize(Class<?> c) {
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(c + " was loaded but its loader cannot find it by name", e);
        }
    }
}

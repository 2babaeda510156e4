package dev.iobuf.uring;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes a ring's thread from any other thread, and costs no system call when that thread is awake anyway.
 * The network event loops and the file API's ring threads both use it. The ring thread sleeps in one of two
 * ways: blocked in {@code io_uring_enter} waiting for completions ({@link #IN_KERNEL}: a write to an eventfd
 * whose read is armed on the ring completes that read and ends the wait), or parked with nothing in flight
 * ({@link #PARKED}: {@code LockSupport.unpark}, no system call).
 *
 * <pre>
 * ring thread: state = PARKED or IN_KERNEL (volatile);  if (work queued) { state = AWAKE; don't sleep } else sleep
 * producer:    queue.offer(work);  if (state != AWAKE &amp;&amp; CAS(state, AWAKE)) unpark or write(eventfd)
 * </pre>
 * Both sides store, then load, through sequentially consistent accesses, so at least one sees the other:
 * either the ring thread finds the work and stays awake, or the producer finds it sleeping and wakes it
 * (Dekker's argument). The CAS lets exactly one of many producers make the call. A spare wake-up (the
 * thread woke for another reason meanwhile) costs one spare completion, nothing else.
 *
 * <p>Why eventfd and not IORING_OP_MSG_RING: producers are arbitrary threads without a ring of their own;
 * MSG_RING needs a source ring (or Linux 6.13's ring-less IORING_REGISTER_SEND_MSG_RING), and a shared
 * helper ring needs a lock. An eventfd write is one system call from any thread on any kernel.
 * ({@link Ring#wakeup()} uses MSG_RING for the rare wake-up of a ring that is closing.)
 */
public final class EventFdWaker implements AutoCloseable {
    /** The ring thread is running: producers make no call. */
    public static final int AWAKE = 0;
    /** The ring thread is parked ({@code LockSupport.park}): producers unpark it. */
    public static final int PARKED = 1;
    /** The ring thread may block in {@code io_uring_enter}: producers write the eventfd. */
    public static final int IN_KERNEL = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(EventFdWaker.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The 8-byte counter value every wake-up writes; read by the kernel only, shared by all threads. */
    private static final MemorySegment ONE = Arena.global().allocateFrom(ValueLayout.JAVA_LONG, 1L);

    private final int eventFd;
    /** Where the armed read puts the counter: the ring thread's arena, alive until the ring is closed. */
    private final MemorySegment readBuffer;
    private final Thread ringThread;
    private final LongAdder unparks = new LongAdder();
    private final LongAdder eventfdWrites = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    @SuppressWarnings("unused") // through STATE
    private volatile int state = AWAKE;
    private boolean closed;

    /**
     * Opens the eventfd.
     *
     * @param arena the ring thread's arena; holds the 8 bytes the armed read fills
     * @param ringThread the thread that parks in {@link #PARKED} state, or null if it never parks
     * @throws UringException if no eventfd can be made (EMFILE names {@code ulimit -n})
     */
    public EventFdWaker(Arena arena, Thread ringThread) {
        int fd = Syscalls.eventfd(0, LibcAbi.EFD_NONBLOCK() | LibcAbi.EFD_CLOEXEC());
        if (fd < 0) {
            throw new UringException("eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)", fd,
                    Errno.EMFILE.is(fd) ? "too many open files: raise `ulimit -n`" : null);
        }
        this.eventFd = fd;
        this.readBuffer = arena.allocate(ValueLayout.JAVA_LONG);
        this.ringThread = ringThread;
    }

    /**
     * The eventfd.
     * @return its descriptor
     */
    public int fd() {
        return eventFd;
    }

    /**
     * Where the armed read of the eventfd puts the counter.
     * @return the 8-byte buffer
     */
    public MemorySegment readBuffer() {
        return readBuffer;
    }

    /**
     * Ring thread: arms the read of the eventfd on {@code ring}; its completion ends a blocking wait.
     * @param ring the ring the waiting thread enters
     * @param userData the user_data of that read's completion
     */
    public void arm(Ring ring, long userData) {
        ring.nextSqe().readUnsafe(eventFd, readBuffer.address(), (int) readBuffer.byteSize(), 0).userData(userData);
    }

    /**
     * Whether a completion of the armed read reports a real failure (not a cancellation at close, not EAGAIN).
     * @param result the completion's result
     * @return true if the read failed
     */
    public static boolean readFailed(int result) {
        return result < 0 && !Errno.ECANCELED.is(result) && !Errno.EAGAIN.is(result);
    }

    /**
     * Ring thread: about to sleep {@code how}; then it must check its work queue again (class comment).
     * @param how {@link #PARKED} or {@link #IN_KERNEL}
     */
    public void prepareToSleep(int how) {
        STATE.setVolatile(this, how);
    }

    /**
     * Ring thread: running. A release store is enough: a producer that still reads the sleeping state only
     * makes one spare wake-up.
     */
    public void awake() {
        STATE.setRelease(this, AWAKE);
    }

    /** Any thread, after queuing work: wakes the ring thread if it may sleep. */
    public void wake() {
        int s = (int) STATE.getVolatile(this);
        if (s != AWAKE && STATE.compareAndSet(this, s, AWAKE)) {
            if (s == PARKED) {
                unparks.increment();
                LockSupport.unpark(ringThread);
            } else {
                eventfdWrites.increment();
                Syscalls.write(eventFd, ONE, 8);   // EAGAIN only near 2^64 wake-ups unread: it is awake then
            }
        } else {
            skipped.increment();
        }
    }

    /** Wakes the ring thread whatever it is doing (close). */
    public void wakeAlways() {
        STATE.setVolatile(this, AWAKE);
        if (ringThread != null) {
            LockSupport.unpark(ringThread);
        }
        Syscalls.write(eventFd, ONE, 8);
    }

    /**
     * Wake-ups that unparked the ring thread.
     * @return the count
     */
    public long unparks() {
        return unparks.sum();
    }

    /**
     * Wake-ups that wrote the eventfd (a system call).
     * @return the count
     */
    public long eventfdWrites() {
        return eventfdWrites.sum();
    }

    /**
     * Wake-ups that found the ring thread awake and made no call.
     * @return the count
     */
    public long skipped() {
        return skipped.sum();
    }

    /** Closes the eventfd (once; the ring thread, after its ring stopped reading it). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Syscalls.close(eventFd);
        }
    }
}

package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import dev.iobuf.uring.UserData;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes a loop blocked in {@code io_uring_enter} from another thread, without a system call when the
 * loop is awake anyway.
 *
 * <p>The loop keeps a read of an eventfd armed on its ring; a write to the eventfd completes it and
 * the wait returns. The state word says whether the loop may be blocked:
 * <pre>
 * loop:     state = SLEEPING (volatile);  if (!tasks.isEmpty()) { state = AWAKE; don't block }  else block
 * producer: tasks.offer(t) (volatile getAndSet);  if (state == SLEEPING &amp;&amp; CAS(SLEEPING, AWAKE)) write(eventfd)
 * </pre>
 * Both sides store then load through volatile (sequentially consistent) accesses, so at least one sees
 * the other: either the loop finds the task and stays awake, or the producer finds SLEEPING and writes
 * the eventfd (Dekker's argument). The CAS lets one producer of many make the call. An extra write
 * (the loop woke for another reason meanwhile) only costs one spare completion.
 *
 * <p>Why eventfd and not IORING_OP_MSG_RING: producers are arbitrary threads without a ring of their
 * own; MSG_RING needs a source ring (or Linux 6.13's ring-less IORING_REGISTER_SEND_MSG_RING), and a
 * shared helper ring would need a lock. An eventfd write is one system call from any thread on any kernel.
 */
final class Wakeup implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Wakeup.class.getName());
    private static final int AWAKE = 0;
    private static final int SLEEPING = 1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Wakeup.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The 8-byte counter value every wake-up writes; read by the kernel only, shared by all threads. */
    private static final MemorySegment ONE = Arena.global().allocateFrom(ValueLayout.JAVA_LONG, 1L);

    private final int eventFd;
    /** Where the armed read puts the counter; the loop's, alive until the ring is closed. */
    private final MemorySegment readBuffer;
    private final AtomicLong wakeups = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    @SuppressWarnings("unused") // through STATE
    private volatile int state = AWAKE;
    private boolean closed;

    Wakeup(Arena arena) {
        int fd = Syscalls.eventfd(0, LibcAbi.EFD_NONBLOCK() | LibcAbi.EFD_CLOEXEC());
        if (fd < 0) {
            throw new UringException("eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)", fd,
                    Errno.EMFILE.is(fd) ? "too many open files: raise `ulimit -n`" : null);
        }
        this.eventFd = fd;
        this.readBuffer = arena.allocate(ValueLayout.JAVA_LONG);
    }

    /** Arms the read of the eventfd on {@code ring}: its completion (op WAKE) ends a blocking wait. */
    void arm(Ring ring) {
        ring.nextSqe().readUnsafe(eventFd, readBuffer.address(), 8, 0).userData(UserData.of(Op.WAKE, 0, 0, 0));
    }

    /** The read completed (a wake-up, or the ring is closing); {@code rearm}: the loop goes on. */
    void complete(Ring ring, int result, boolean rearm) {
        if (result < 0 && !Errno.ECANCELED.is(result) && !Errno.EAGAIN.is(result)) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, "eventfd read failed: " + Errno.name(result));
        }
        if (rearm) {
            arm(ring);
        }
    }

    /** Loop: about to block. Followed by a check of the task queue (see the class comment). */
    void prepareToSleep() {
        STATE.setVolatile(this, SLEEPING);
    }

    /**
     * Loop: running. A release store is enough: a producer that still reads SLEEPING only makes one
     * spare eventfd write.
     */
    void awake() {
        STATE.setRelease(this, AWAKE);
    }

    /** Any thread, after offering a task: wakes the loop if it may be blocked. */
    void wake() {
        if ((int) STATE.getVolatile(this) == SLEEPING && STATE.compareAndSet(this, SLEEPING, AWAKE)) {
            wakeups.incrementAndGet();
            Sockets.write(eventFd, ONE, 8);   // EAGAIN only if the counter is near 2^64: the loop is awake then
        } else {
            skipped.incrementAndGet();
        }
    }

    /** eventfd writes made. */
    long wakeups() {
        return wakeups.get();
    }

    /** Wake-ups that found the loop awake and made no system call. */
    long skipped() {
        return skipped.get();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Sockets.close(eventFd);
        }
    }
}

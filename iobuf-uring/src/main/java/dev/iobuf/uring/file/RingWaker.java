package dev.iobuf.uring.file;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.uring.UringException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes a ring thread that sleeps, and costs nothing when it does not. The ring thread sleeps in one
 * of two ways: parked (no operation in flight: {@code LockSupport.unpark} wakes it, no system call),
 * or blocked in {@code io_uring_enter} waiting for completions (a write to an eventfd whose read is
 * armed on the ring completes that read and ends the wait).
 *
 * <pre>
 * ring thread: state = PARKED or IN_KERNEL (volatile);  if (queue not empty) { state = AWAKE } else sleep
 * submitter:   queue.offer(op) (CAS);  if (state != AWAKE &amp;&amp; CAS(state, AWAKE)) unpark or write(eventfd)
 * </pre>
 * Both sides store, then load, through sequentially consistent accesses: either the ring thread sees
 * the entry and does not sleep, or the submitter sees it sleeping and wakes it (Dekker). The CAS lets
 * exactly one of many submitters make the wake-up call.
 */
final class RingWaker implements AutoCloseable {
    static final int AWAKE = 0;
    static final int PARKED = 1;
    static final int IN_KERNEL = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(RingWaker.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The counter value every eventfd write adds; read by the kernel only. */
    private static final MemorySegment ONE = Arena.global().allocateFrom(ValueLayout.JAVA_LONG, 1L);

    private final int eventFd;
    private final MemorySegment readBuffer;
    private final Thread ringThread;
    private final LongAdder unparks = new LongAdder();
    private final LongAdder eventfdWrites = new LongAdder();
    @SuppressWarnings("unused") // through STATE
    private volatile int state = AWAKE;
    private boolean closed;

    /** @param arena the ring thread's arena; holds the 8 bytes the armed read fills */
    RingWaker(Arena arena, Thread ringThread) {
        int fd = Syscalls.eventfd(0, LibcAbi.EFD_NONBLOCK() | LibcAbi.EFD_CLOEXEC());
        if (fd < 0) {
            throw new UringException("eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)", fd,
                    Errno.EMFILE.is(fd) ? "too many open files: raise `ulimit -n`" : null);
        }
        this.eventFd = fd;
        this.readBuffer = arena.allocate(ValueLayout.JAVA_LONG);
        this.ringThread = ringThread;
    }

    int fd() {
        return eventFd;
    }

    MemorySegment readBuffer() {
        return readBuffer;
    }

    /** Ring thread: about to sleep {@code how} ({@link #PARKED} or {@link #IN_KERNEL}); then re-check the queue. */
    void prepareToSleep(int how) {
        STATE.setVolatile(this, how);
    }

    /** Ring thread: running again. */
    void awake() {
        STATE.setVolatile(this, AWAKE);
    }

    /** Any thread, after queuing an entry: wakes the ring thread if it may sleep. */
    void wake() {
        int s = (int) STATE.getVolatile(this);
        if (s != AWAKE && STATE.compareAndSet(this, s, AWAKE)) {
            if (s == PARKED) {
                unparks.increment();
                LockSupport.unpark(ringThread);
            } else {
                eventfdWrites.increment();
                Syscalls.write(eventFd, ONE, 8);   // EAGAIN only near 2^64 wake-ups unread: it is awake then
            }
        }
    }

    /** Wakes the ring thread whatever it is doing (close). */
    void wakeAlways() {
        STATE.setVolatile(this, AWAKE);
        LockSupport.unpark(ringThread);
        Syscalls.write(eventFd, ONE, 8);
    }

    long unparks() {
        return unparks.sum();
    }

    long eventfdWrites() {
        return eventfdWrites.sum();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Syscalls.close(eventFd);
        }
    }
}

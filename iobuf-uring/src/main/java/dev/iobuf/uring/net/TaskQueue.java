package dev.iobuf.uring.net;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Unbounded lock-free multi-producer single-consumer queue of tasks: a linked list with a stub node
 * (Vyukov's intrusive MPSC design). Producers on any thread: one atomic exchange of the tail and one
 * release store of the predecessor's {@code next}; they never wait for each other or the consumer. The
 * loop thread consumes. One node is allocated per task (tasks come from other threads, where the
 * runtime accepts an allocation).
 *
 * <p>Memory ordering: {@code offer} swaps the tail with a volatile getAndSet (a full fence: the
 * wake-up protocol in {@link dev.iobuf.uring.EventFdWaker} relies on it being ordered before the producer's read of the loop
 * state), then links the predecessor with {@code setRelease}, so the consumer's {@code getAcquire} of
 * {@code next} sees the task written before. Between the exchange and the link the list is briefly
 * disconnected: {@link #poll()} then returns {@code null} although {@link #isEmpty()} is false, and the
 * loop tries again on its next turn instead of blocking.
 */
final class TaskQueue {
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(TaskQueue.class, "tail", Node.class);
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Node {
        Runnable task;
        @SuppressWarnings("unused") // through NEXT
        Node next;

        Node(Runnable task) {
            this.task = task;
        }
    }

    /** Consumer side: the last node taken (its task already handed out), or the initial stub. */
    private Node head;
    /** Producer side: the last node offered. */
    @SuppressWarnings("unused") // through TAIL
    private volatile Node tail;

    TaskQueue() {
        Node stub = new Node(null);
        head = stub;
        tail = stub;
    }

    /** Appends {@code task}; any thread, lock-free. */
    void offer(Runnable task) {
        Node node = new Node(task);
        Node previous = (Node) TAIL.getAndSet(this, node);
        NEXT.setRelease(previous, node);
    }

    /** The next task, or {@code null} if none is linked yet. Consumer thread only. */
    Runnable poll() {
        Node next = (Node) NEXT.getAcquire(head);
        if (next == null) {
            return null;
        }
        Runnable task = next.task;
        next.task = null;       // the node becomes the new stub: drop the reference for the GC
        head = next;
        return task;
    }

    /**
     * Whether no task was offered that {@link #poll()} has not returned. A volatile read of the tail: a
     * producer between its exchange and its link already makes this false. Consumer thread only.
     */
    boolean isEmpty() {
        return (Node) TAIL.getVolatile(this) == head;
    }

    /**
     * Runs every task linked so far, each guarded ({@link Timers#runGuarded}), counting each in
     * {@code counters} before it runs (a task that snapshots the counters sees itself counted).
     */
    void runAll(LoopCounters counters) {
        Runnable task;
        while ((task = poll()) != null) {
            counters.tasksRun++;
            Timers.runGuarded(task, "a task");
        }
    }
}

package dev.iobuf.uring;

import java.lang.foreign.MemorySegment;

/**
 * The checks {@link Sqe} applies to memory it hands to the kernel, and their messages.
 *
 * <p>A segment is <em>keepable</em> when holding a reference to it is enough to keep its memory alive:
 * segments of {@code Arena.global()} (never freed) and of {@code Arena.ofAuto()} (freed only once
 * unreachable; the ring keeps the reference until the completion). Segments of a confined or shared arena
 * are freed by {@code close()}, which we cannot stop, so the safe operation methods refuse them and the
 * {@code ...Unsafe} ones take them on the caller's word. The JDK offers no public test for an automatic
 * arena, so the check reads the scope's implementation class (JDK 22+: {@code GlobalSession},
 * {@code ImplicitSession}); an unknown one is refused: when in doubt, never let the kernel near it.
 */
final class SqeOperands {
    private SqeOperands() {
    }

    /** Whether keeping {@code segment} reachable keeps its memory alive (global or automatic arena). */
    static boolean isKeepable(MemorySegment segment) {
        String scope = segment.scope().getClass().getName();
        return segment.isNative()
                && (scope.equals("jdk.internal.foreign.GlobalSession") || scope.equals("jdk.internal.foreign.ImplicitSession"));
    }

    /** Refuses heap segments and freed memory (for the unsafe methods, which check nothing else). */
    static void requireNative(MemorySegment segment, String op) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException(op + ": a heap segment has no native address the kernel could use "
                    + "(it would fail later with EFAULT, or hit other memory); use a BufferPool buffer or a segment "
                    + "allocated from an Arena");
        }
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException(op + ": the segment's memory is already freed (its arena or pool is closed)");
        }
    }

    /** Refuses everything but live native segments of a global or automatic arena. */
    static void requireKeepable(MemorySegment segment, String op) {
        requireNative(segment, op);
        if (!isKeepable(segment)) {
            throw new IllegalArgumentException(op + ": this segment belongs to an arena that can be closed (confined "
                    + "or shared) while the kernel still uses it, which would let the kernel write into freed memory. "
                    + "Use a BufferPool buffer (the overloads taking a pool and an index lease it until the "
                    + "completion), a segment of Arena.ofAuto() or Arena.global() (kept reachable until the "
                    + "completion), or the " + op + "Unsafe variant if you keep the arena open until the completion");
        }
    }

    /** The exception for an unsafe method on a ring opened by a module without native access. */
    static IllegalCallerException noNativeAccess(String op, Module opener) {
        String name = opener.isNamed() ? opener.getName() : "ALL-UNNAMED";
        return new IllegalCallerException(op + " hands raw memory to the kernel, which needs native access, "
                + "and this ring was opened by " + (opener.isNamed() ? "module " + name : "the class path (unnamed "
                + "module)") + ", which has none: run java with --enable-native-access=" + name + ", or use the "
                + "safe overloads (BufferPool buffers, segments of Arena.ofAuto()/Arena.global())");
    }

    /** The module of the class that called the public method that called this one (once per entry, not per SQE). */
    static Module callerOfEntry() {
        return WALKER.walk(frames -> frames.skip(2).findFirst())
                .map(f -> f.getDeclaringClass().getModule())
                .orElse(SqeOperands.class.getModule());
    }

    /** Whether rings opened by {@code caller} may use the unsafe methods: our own module, or one with native access. */
    static boolean grantsUnsafe(Module caller) {
        return caller == SqeOperands.class.getModule() || caller.isNativeAccessEnabled();
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
}

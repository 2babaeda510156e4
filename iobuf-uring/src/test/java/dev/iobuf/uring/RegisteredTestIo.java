package dev.iobuf.uring;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Test-only libc calls for the registration and buffer-ring tests: pipes, files, raw reads and writes,
 * so the tests drive real fds through io_uring. Failures throw with the errno-less call named.
 */
@SuppressWarnings("restricted")
final class RegisteredTestIo {
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_CLOEXEC = 02000000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = bind("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle PIPE2 = bind("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SOCKETPAIR = bind("socketpair",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle WRITE = bind("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private RegisteredTestIo() {
    }

    private static MethodHandle bind(String name, FunctionDescriptor d, Linker.Option... options) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), d, options);
    }

    static int open(Path path, int flags) {
        try (Arena a = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(a.allocateFrom(path.toString()), flags | O_CLOEXEC, 0644);
            if (fd < 0) {
                throw new IllegalStateException("open(" + path + ") failed");
            }
            return fd;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {read end, write end}. */
    static int[] pipe() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(JAVA_INT, 2);
            int rc = (int) PIPE2.invokeExact(fds, O_CLOEXEC);
            if (rc != 0) {
                throw new IllegalStateException("pipe2 failed");
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A connected AF_UNIX stream socket pair. */
    static int[] socketPair() {
        int afUnix = 1;
        int sockStream = 1;
        int sockCloexec = O_CLOEXEC;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(JAVA_INT, 2);
            int rc = (int) SOCKETPAIR.invokeExact(afUnix, sockStream | sockCloexec, 0, fds);
            if (rc != 0) {
                throw new IllegalStateException("socketpair failed");
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void writeFully(int fd, byte[] bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment src = a.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, bytes);
            long done = 0;
            while (done < bytes.length) {
                long n = (long) WRITE.invokeExact(fd, src.asSlice(done), (long) bytes.length - done);
                if (n <= 0) {
                    throw new IllegalStateException("write(" + fd + ") returned " + n);
                }
                done += n;
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void close(int... fds) {
        for (int fd : fds) {
            try {
                int rc = (int) CLOSE.invokeExact(fd);
                if (rc != 0) {
                    throw new IllegalStateException("close(" + fd + ") failed");
                }
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /** A ring, or a loud skip when io_uring is blocked or absent here. */
    static Ring ring(int entries) {
        try {
            return Ring.builder().entries(entries).cqSize(Math.max(64, entries * 4)).build();
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring cannot be used here: " + e.getMessage());
            throw e;
        }
    }

    /** One completion, copied out of the CQ. */
    record Cqe(long userData, int res, int flags) {
    }

    /**
     * Submits what is prepared and collects {@code n} completions that are not resource-tag CQEs
     * (those go to {@code tags}); fails after 5 s.
     */
    static java.util.List<Cqe> await(Ring ring, ResourceTags tags, int n) {
        java.util.List<Cqe> out = new java.util.ArrayList<>();
        CompletionHandler h = (u, r, f) -> {
            if (tags == null || !tags.dispatch(u, r, f)) {
                out.add(new Cqe(u, r, f));
            }
        };
        long deadline = System.nanoTime() + 5_000_000_000L;
        ring.submit();
        ring.reap(h);
        while (out.size() < n) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("only " + out.size() + " of " + n + " completions within 5 s: " + out);
            }
            ring.submitAndWait(1);
            ring.reap(h);
        }
        return out;
    }

    /** Submits and returns the one completion expected (tag CQEs go to {@code tags}); fails if more arrive. */
    static Cqe awaitOne(Ring ring, ResourceTags tags) {
        java.util.List<Cqe> all = await(ring, tags, 1);
        if (all.size() != 1) {
            throw new AssertionError("expected one completion, got " + all);
        }
        return all.get(0);
    }

    /**
     * Reaps (dispatching tags) until {@code done} holds or 10 s passed; returns whether it held. Generous: older
     * kernels post a replaced slot's tag from work delayed by a second after an RCU grace period, and the kernel
     * matrix runs them under an emulator ~20x slower than the host.
     */
    static boolean reapUntil(Ring ring, ResourceTags tags, java.util.function.BooleanSupplier done) {
        return reapUntil(ring, tags, done, 10_000);
    }

    /** Reaps (dispatching tags) until {@code done} holds or {@code millis} passed; returns whether it held. */
    static boolean reapUntil(Ring ring, ResourceTags tags, java.util.function.BooleanSupplier done, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        CompletionHandler h = (u, r, f) -> {
            if (!tags.dispatch(u, r, f)) {
                throw new AssertionError("unexpected completion user_data=" + u + " res=" + r);
            }
        };
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            ring.reap(h);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}

package dev.iobuf.uring.net;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.iovec;
import dev.iobuf.liburing.msghdr;
import dev.iobuf.liburing.sockaddr_storage;
import dev.iobuf.uring.UringException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Native memory per connection slot, for what the kernel reads at submission: a {@code struct msghdr}
 * and its iovec array (gathered sends), and a sockaddr (connect). {@value #STRIDE} bytes per slot in one
 * anonymous mapping: pages cost nothing until a slot first uses them, so a table sized for many
 * connections is cheap. The kernel copies msghdr, iovecs and address when it prepares the SQE, and a
 * connection has one send in flight at a time, so one area per slot is enough.
 *
 * <p>Layout of a slot: msghdr at 0 (56 bytes on LP64), sockaddr at 64 (sockaddr_storage, 128), iovecs at 192
 * ({@value #MAX_IOV} x 16); sizes and field offsets from the generated layouts.
 */
final class Scratch implements AutoCloseable {
    static final int STRIDE = 512;
    static final int MAX_IOV = 16;
    // Our own layout of a slot, sized from the generated struct layouts (msghdr, sockaddr_storage, iovec).
    private static final long MSGHDR = 0;
    private static final long MSGHDR_BYTES = msghdr.sizeof();
    private static final long SOCKADDR = 64;
    private static final long IOV = SOCKADDR + sockaddr_storage.sizeof();
    private static final long IOV_BYTES = iovec.sizeof();
    private static final long IOV_BASE = iovec.iov_base$offset();
    private static final long IOV_LEN = iovec.iov_len$offset();
    private static final long MSG_IOV = msghdr.msg_iov$offset();
    private static final long MSG_IOVLEN = msghdr.msg_iovlen$offset();

    static {
        if (MSGHDR + MSGHDR_BYTES > SOCKADDR || IOV + MAX_IOV * IOV_BYTES > STRIDE) {
            throw new AssertionError("Scratch slot layout does not fit: msghdr " + MSGHDR_BYTES + " B, iovecs end at "
                    + (IOV + MAX_IOV * IOV_BYTES) + " of " + STRIDE);
        }
    }

    private final Arena arena;
    private final MemorySegment memory;

    @SuppressWarnings("restricted") // reinterpret: the mapping is exactly `bytes` long and owned by the arena
    Scratch(int slots) {
        long bytes = (long) slots * STRIDE;
        long addr = Syscalls.mmap(MemorySegment.NULL, bytes, LibcAbi.PROT_READ() | LibcAbi.PROT_WRITE(),
                LibcAbi.MAP_PRIVATE() | LibcAbi.MAP_ANONYMOUS() | LibcAbi.MAP_NORESERVE(), -1, 0);
        if (Syscalls.isError(addr)) {
            throw new UringException("mmap(connection scratch, " + bytes + " bytes)", (int) addr,
                    "lower maxConnectionsPerLoop");
        }
        arena = Arena.ofShared();
        memory = MemorySegment.ofAddress(addr).reinterpret(bytes, arena,
                s -> Syscalls.munmap(MemorySegment.ofAddress(s.address()), bytes));
    }

    /** The sockaddr area of {@code slot} (128 bytes). */
    MemorySegment sockaddr(int slot) {
        return memory.asSlice((long) slot * STRIDE + SOCKADDR, SocketAddresses.MAX_BYTES);
    }

    /** Sets iovec {@code i} of {@code slot}. */
    void iov(int slot, int i, long base, long length) {
        long at = (long) slot * STRIDE + IOV + IOV_BYTES * i;
        memory.set(ValueLayout.JAVA_LONG, at + IOV_BASE, base);
        memory.set(ValueLayout.JAVA_LONG, at + IOV_LEN, length);
    }

    /** Fills {@code slot}'s msghdr to send its first {@code count} iovecs; returns the msghdr's address. */
    long msghdr(int slot, int count) {
        long at = (long) slot * STRIDE + MSGHDR;
        for (long off = 0; off < MSGHDR_BYTES; off += 8) {     // no slice: this runs per gathered send
            memory.set(ValueLayout.JAVA_LONG, at + off, 0L);
        }
        memory.set(ValueLayout.JAVA_LONG, at + MSG_IOV, memory.address() + (long) slot * STRIDE + IOV);
        memory.set(ValueLayout.JAVA_LONG, at + MSG_IOVLEN, count);
        return memory.address() + at;
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}

package dev.iobuf.uring.net;

import java.util.function.IntConsumer;

/**
 * The receive buffers handlers retained ({@link Connection#retain()}) and the handles naming them:
 * {@code generation << 32 | index}. A buffer's generation moves on every retain and release, so a handle
 * used twice, or one from another loop, is refused instead of reaching a buffer that belongs to someone
 * else by then. Both transports' receive buffers ({@link RecvBuffers}, {@link NioReceiveBuffers}) keep one.
 * Loop thread only.
 */
final class RetainedHandles {
    private final boolean[] retained;
    private final int[] generation;
    private int count;

    RetainedHandles(int buffers) {
        this.retained = new boolean[buffers];
        this.generation = new int[buffers];
    }

    boolean isRetained(int index) {
        return retained[index];
    }

    int count() {
        return count;
    }

    /** Keeps buffer {@code index} out of use; its handle (the same one again if it is retained already). */
    long retain(int index) {
        if (!retained[index]) {
            retained[index] = true;
            count++;
            generation[index]++;
        }
        return handle(index);
    }

    /** The buffer {@code handle} names, for {@code what} (a verb in the message); refused unless retained here. */
    int check(long handle, String what) {
        int index = (int) handle;
        int gen = (int) (handle >>> 32);
        if (index < 0 || index >= retained.length || !retained[index] || generation[index] != gen) {
            throw new IllegalStateException("cannot " + what + " receive buffer handle 0x" + Long.toHexString(handle)
                    + ": it is not a retained buffer of this loop (released already, or from another loop)");
        }
        return index;
    }

    /** Ends {@code handle}'s retention; the buffer's index, for the caller to give it back. */
    int release(long handle) {
        int index = check(handle, "release");
        retained[index] = false;
        count--;
        generation[index]++;
        return index;
    }

    /** Releases every retained buffer (shutdown), handing each index to {@code giveBack}; how many there were. */
    int releaseAll(IntConsumer giveBack) {
        int n = 0;
        for (int i = 0; i < retained.length; i++) {
            if (retained[i]) {
                giveBack.accept(release(handle(i)));
                n++;
            }
        }
        return n;
    }

    private long handle(int index) {
        return ((long) generation[index] << 32) | index;
    }
}

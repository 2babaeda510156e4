package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;

/** The echo server of the tests: writes back every byte; a refused write would be a test failure. */
final class EchoHandler implements ConnectionHandler {
    volatile int refused;
    volatile int opened;
    volatile int closed;

    /** The connection opened last. */
    volatile Connection last;

    @Override
    public void onOpen(Connection c) {
        opened++;
        last = c;
    }

    @Override
    public void onData(Connection c, MemorySegment buffer, int offset, int length) {
        if (!c.write(buffer, offset, length)) {
            refused++;
            c.abort();
        }
    }

    @Override
    public void onClose(Connection c) {
        closed++;
    }
}

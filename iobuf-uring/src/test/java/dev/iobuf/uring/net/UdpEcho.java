package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A UDP echo handler for the tests: answers each datagram to its sender; records errors and closes. */
class UdpEcho implements DatagramHandler {
    final CopyOnWriteArrayList<Throwable> errors = new CopyOnWriteArrayList<>();
    final CountDownLatch closed;

    UdpEcho(int endpoints) {
        closed = new CountDownLatch(endpoints);
    }

    @Override
    public void onDatagram(DatagramEndpoint endpoint, MemorySegment buffer, long offset, int length, DatagramAddress sender) {
        endpoint.send(buffer, offset, length, sender);
    }

    @Override
    public void onError(DatagramEndpoint endpoint, Throwable error) {
        errors.add(error);
    }

    @Override
    public void onClose(DatagramEndpoint endpoint) {
        closed.countDown();
    }
}

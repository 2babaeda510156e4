package dev.iobuf.bench.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection of {@link NioHttpServer}: counts the requests it reads and owes that
 * many responses; writes them from the shared {@link PlaintextResponses}. A write the socket does
 * not take whole leaves the rest owed (count + bytes of the first already sent) and asks for
 * OP_WRITE until it is paid.
 */
final class NioConnection {
    private final SocketChannel channel;
    private final SelectionKey key;
    private final RequestCounter requests = new RequestCounter();
    /** Responses owed, the first of them partly sent when {@link #sentOfFirst} > 0. */
    private long owed;
    private int sentOfFirst;

    NioConnection(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    /** Reads all that is there (into the loop's shared buffer) and answers it; false once closed. */
    boolean onReadable(ByteBuffer readBuffer, PlaintextResponses responses) throws IOException {
        int n;
        do {
            readBuffer.clear();
            n = channel.read(readBuffer);
            if (n < 0) {
                close();
                return false;
            }
            owed += requests.count(readBuffer, 0, n);
        } while (n == readBuffer.capacity());
        return flush(responses);
    }

    /** Writes what is owed; asks for OP_WRITE when the socket is full. False once closed. */
    boolean flush(PlaintextResponses responses) throws IOException {
        int len = responses.length();
        while (owed > 0) {
            int n = (int) Math.min(owed, PlaintextResponses.COPIES);
            ByteBuffer out = responses.slice(n, sentOfFirst);
            long sent = sentOfFirst + (long) channel.write(out);
            owed -= sent / len;
            sentOfFirst = (int) (sent % len);
            if (out.hasRemaining()) {
                if ((key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
                return true;
            }
        }
        if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
            key.interestOps(SelectionKey.OP_READ);
        }
        return true;
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to do
        }
    }
}

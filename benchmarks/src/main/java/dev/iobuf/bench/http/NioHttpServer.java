package dev.iobuf.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.function.Consumer;

/**
 * JDK NIO peer of the HTTP plaintext benchmark: one thread, one {@link Selector}, hand-rolled
 * request counting ({@link RequestCounter}) and pre-built responses ({@link PlaintextResponses});
 * N requests in one read are answered by one write of N responses. Keep-alive and pipelining.
 *
 * <pre>java -cp benchmarks.jar dev.iobuf.bench.http.NioHttpServer --port 8084</pre>
 *
 * <p>{@link Selector#select(Consumer, long)} is used rather than the selected-key set, whose
 * iterator is an allocation per turn; the consumer is one object made up front.
 */
public final class NioHttpServer {
    private static final int READ_BUFFER = 64 * 1024;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final PlaintextResponses responses = new PlaintextResponses("nio");
    /** Made once: {@code this::onReady} at the call would allocate a new bound instance per turn. */
    private final Consumer<SelectionKey> onReady = this::onReady;

    private NioHttpServer(int port) throws IOException {
        selector = Selector.open();
        server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(port), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] args) {
        ServerOptions.run(args, a -> {
            ServerOptions o = ServerOptions.parse("NioHttpServer", a, Set.of("port", "loops"));
            int port = o.intValue("port", 8080, 0, 65535);
            o.intValue("loops", 1, 1, 1);   // accepted for a uniform command line; one thread only
            NioHttpServer s = new NioHttpServer(port);
            System.out.println("NioHttpServer (JDK NIO, 1 selector thread) listening on " + s.server.getLocalAddress());
            System.out.flush();
            s.run();   // SIGINT/SIGTERM end the JVM, and with it this loop
        });
    }

    private void run() throws IOException {
        while (true) {
            // 1 s at most, so that Date stays current on an idle server
            selector.select(onReady, 1000);
            responses.refresh(System.currentTimeMillis());
        }
    }

    private void onReady(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            NioConnection c = (NioConnection) key.attachment();
            try {
                if (key.isReadable()) {
                    if (!c.onReadable(readBuffer, responses)) {
                        return;
                    }
                }
                if (key.isValid() && key.isWritable()) {
                    c.flush(responses);
                }
            } catch (IOException e) {
                c.close();   // reset by the peer and the like: drop this connection, serve the others
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey k = ch.register(selector, SelectionKey.OP_READ);
            k.attach(new NioConnection(ch, k));
        }
    }
}

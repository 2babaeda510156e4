package dev.iobuf.uring.net;

import dev.iobuf.uring.Transport;
import dev.iobuf.uring.UnsupportedFeatureException;
import dev.iobuf.uring.testkit.LoopbackTestKit;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;

/**
 * Child JVM of {@link RarePathClassesTest}, run with a class-load log: builds a group on the transport named by its
 * argument, listens (plain and TLS), binds UDP, waits until the loops and the monitor warm-up are idle, loads
 * {@link Mark} (the marker in the log), then drives the paths a loop may first take when the process is out of fds:
 * connections opened, echoed, closed by the peer, reset by the peer, closed and aborted by the server, half-closed,
 * idled out, past a deadline, a handler that throws, a timer, a client connect, a refused connect, a TLS handshake
 * with data and close, a failed TLS handshake, UDP echo, and the group's shutdown. Prints {@code DONE} at the end;
 * every class of the runtime first loaded after the marker is a class a loop out of fds could not load.
 */
public final class RarePathsChild {
    private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);

    private RarePathsChild() {
    }

    /** Loaded, by its first use, where the scenarios start: its line in the class-load log is the marker. */
    static final class Mark {
        static void here() {
            System.out.println("MARK");
        }
    }

    /** Echoes; a message naming a command runs it on the connection instead. */
    static final class Scripted implements ConnectionHandler {
        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            String m = new String(buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
            switch (m.length() > 8 ? "" : m) {
                case "close" -> c.close();
                case "abort" -> c.abort();
                case "deadline" -> c.deadline(50, TimeUnit.MILLISECONDS);
                case "throw" -> throw new IllegalStateException("a handler's bug (RarePathsChild)");
                case "timer" -> c.loop().schedule(Duration.ofMillis(20), () -> c.write(PING));
                case "shut" -> c.shutdownOutput();
                default -> c.write(buffer, offset, length);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Transport transport = Transport.valueOf(args[0]);
        EventLoopGroup group = EventLoopGroup.builder().transport(transport).threads(2).daemon(true).threadName("rare-")
                .idleTimeout(Duration.ofSeconds(2)).build();
        var serverTls = TlsConfig.server(TlsTestSupport.serverContext());
        var clientTls = TlsConfig.client(TlsTestSupport.clientContext());
        Listener plain = group.listen(LoopbackTestKit.anyPort(), new Scripted());
        Listener tls = group.listen(LoopbackTestKit.anyPort(), new Scripted(), serverTls);
        DatagramBinding udp = null;
        try {
            udp = group.bindDatagram(LoopbackTestKit.anyPort(), new UdpEcho(2));
        } catch (UnsupportedFeatureException e) {
            System.out.println("UDP skipped: " + e.getMessage());
        }
        int refusedPort = LoopbackTestKit.refusingSocket().getLocalPort();   // open until this JVM ends
        settle(group);
        Mark.here();

        for (String command : new String[] {"close", "abort", "deadline", "throw", "timer", "shut"}) {
            try (Socket s = LoopbackTestKit.jdkClient(plain.port())) {
                s.setSoTimeout(5_000);
                s.getOutputStream().write(command.getBytes(StandardCharsets.US_ASCII));
                drain(s.getInputStream());
            }
        }
        try (Socket s = LoopbackTestKit.jdkClient(plain.port())) {           // echo, then the peer's EOF
            echo(s);
        }
        try (Socket s = LoopbackTestKit.jdkClient(plain.port())) {           // echo, then the peer's reset
            echo(s);
            s.setSoLinger(true, 0);
        }
        try (Socket s = LoopbackTestKit.jdkClient(plain.port())) {           // idles out
            s.setSoTimeout(5_000);
            drain(s.getInputStream());
        }
        Connection client = await(group.connect(plain.localAddress(), new Scripted()));
        client.execute(c -> {
            c.write(PING);
            c.close();
        });
        try {
            await(group.connect(new InetSocketAddress(LoopbackTestKit.LOOPBACK, refusedPort), new Scripted()));
            throw new AssertionError("connect to a closed port succeeded");
        } catch (ExecutionException expected) {
            // refused
        }
        Connection tlsClient = await(group.connect(tls.localAddress(), new Scripted(), clientTls));
        tlsClient.execute(c -> {
            c.write(PING);
            c.close();
        });
        try (SSLSocket s = (SSLSocket) TlsTestSupport.clientContext().getSocketFactory()
                .createSocket(LoopbackTestKit.LOOPBACK, tls.port())) {
            s.setSoTimeout(5_000);
            echo(s);
        }
        try (Socket s = LoopbackTestKit.jdkClient(tls.port())) {           // not TLS: the handshake fails
            s.setSoTimeout(5_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            drain(s.getInputStream());
        }
        if (udp != null) {
            try (DatagramSocket d = new DatagramSocket()) {
                d.setSoTimeout(5_000);
                d.send(new DatagramPacket(PING, PING.length, udp.localAddress()));
                d.receive(new DatagramPacket(new byte[16], 16));
            }
            udp.close();
        }
        NetCounters counters = NetTestSupport.shutdownClean(group);
        System.out.println("DONE " + counters.connectionsOpen());
    }

    /** Waits until each loop ran a task and the monitor warm-up thread ended: what the start set off is done. */
    private static void settle(EventLoopGroup group) throws Exception {
        for (EventLoop loop : group.loops()) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            loop.execute(() -> f.complete(null));
            f.get(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("iobuf-monitor-warmup"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the monitor warm-up did not end within 30 s");
            }
            Thread.sleep(10);
        }
    }

    private static void echo(Socket s) throws IOException {
        s.setSoTimeout(5_000);
        s.getOutputStream().write(PING);
        byte[] back = s.getInputStream().readNBytes(PING.length);
        if (back.length != PING.length) {
            throw new AssertionError("echo: " + back.length + " bytes back");
        }
    }

    /** Reads until the server closes (EOF, or a reset: an abort). */
    private static void drain(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // what the server sent before closing
            }
        } catch (SocketException e) {
            // reset by the server
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }
}

package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix domain sockets on every transport ({@link TransportSuite}), on real sockets: the JDK's SocketChannel(UNIX)
 * and socat as clients, our own client, abstract names (refused on NIO, naming why), TLS; what happens to the
 * socket file (stale, live, foreign, removed at close); options that do not apply. Every test ends with the
 * counters at zero and /proc/self/fd as it was.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class UnixSocketTest extends TransportSuite {
    @TempDir
    Path dir;

    /** Echo that records what each connection saw of its addresses. */
    static class AddressEcho implements ConnectionHandler {
        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> loops = new ConcurrentLinkedQueue<>();

        @Override
        public void onOpen(Connection c) {
            seen.add(c.localSocketAddress() + " <- " + c.remoteSocketAddress() + " ip=" + c.localAddress() + "/" + c.remoteAddress());
            loops.add(c.loop().index());
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            if (!c.write(buffer, offset, length)) {
                c.abort();
            }
        }
    }

    /** Shuts {@code group} down with every counter at zero and the fds ({@link NetTestSupport#openFds}) back to {@code fds}. */
    private static NetCounters endClean(EventLoopGroup group, int fds) {
        NetCounters counters = NetTestSupport.shutdownClean(group);
        assertThat(NetTestSupport.openFds()).as("fds other than regular files: %s", NetTestSupport.fdTargets())
                .isEqualTo(fds);
        return counters;
    }

    /**
     * /proc/self/fd's count once the JVM opened a Unix channel: the JDK may keep an fd of its own from its first
     * one (the NIO transport's are JDK channels), which is not ours to close.
     */
    private static int fdsBefore() throws IOException {
        SocketChannel.open(StandardProtocolFamily.UNIX).close();
        return NetTestSupport.openFds();
    }

    private static SocketChannel jdkClient(Path path) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(path));
        return ch;
    }

    private static void echoOnce(SocketChannel ch, byte[] data) throws IOException {
        NetTestSupport.writeAsync(Channels.newOutputStream(ch), data);
        assertThat(NetTestSupport.readExactly(Channels.newInputStream(ch), data.length)).isEqualTo(data);
    }

    @Test
    void jdkClientsEchoOverAPathAndTheSocketFileGoesAwayWithTheListener() throws Exception {
        int fds = fdsBefore();
        Path path = dir.resolve("echo.sock");
        AddressEcho echo = new AddressEcho();
        EventLoopGroup group = group();
        Listener listener = group.listen(UnixDomainSocketAddress.of(path), echo);
        assertThat(listener.address()).isEqualTo(UnixDomainSocketAddress.of(path));
        assertThat(listener.localAddress()).as("no IP address").isNull();
        assertThat(listener.port()).isEqualTo(-1);
        assertThat(Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .as("a socket file").matches(m -> ((Integer) m & 0170000) == 0140000);
        List<SocketChannel> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(jdkClient(path));
        }
        for (int i = 0; i < clients.size(); i++) {
            echoOnce(clients.get(i), NetTestSupport.pattern(100_000 + i, i));
        }
        for (SocketChannel ch : clients) {
            ch.close();
        }
        assertThat(echo.seen).hasSize(8).allSatisfy(s -> assertThat(s)
                .isEqualTo(path + " <- " + UnixDomainSocketAddress.of("") + " ip=null/null"));
        listener.close();
        assertThat(path).as("the listener removed its socket file").doesNotExist();
        assertThat(endClean(group, fds).connectionsAccepted()).isEqualTo(8);
    }

    @Test
    void socatTalksToAPathAndToAnAbstractName() throws Exception {
        Assumptions.assumeTrue(onPath("socat"), "SKIPPED: socat is not installed (scripts/test.sh installs it: apt-get "
                + "install socat)");
        int fds = fdsBefore();
        Path path = dir.resolve("socat.sock");
        AbstractUnixAddress name = AbstractUnixAddress.of("iobuf-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        EventLoopGroup group = group();
        group.listen(UnixDomainSocketAddress.of(path), new AddressEcho());
        assertThat(socat("UNIX-CONNECT:" + path, "hello over a path\n")).isEqualTo("hello over a path\n");
        if (abstractNamesRefused(group, name)) {
            endClean(group, fds);
            return;
        }
        group.listen(name, new AddressEcho());
        assertThat(socat("ABSTRACT-CONNECT:" + name.name(), "hello over a name\n")).isEqualTo("hello over a name\n");
        endClean(group, fds);
        assertThat(path).doesNotExist();
    }

    /**
     * On NIO (the JDK's Unix channels take paths only) checks that listening on and connecting to {@code name} are
     * refused naming why, and returns true: the caller skips its abstract-name part. False on io_uring.
     */
    private boolean abstractNamesRefused(EventLoopGroup group, AbstractUnixAddress name) {
        if (transport() != dev.iobuf.uring.Transport.NIO) {
            return false;
        }
        assertThatThrownBy(() -> group.listen(name, new AddressEcho())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("abstract Unix socket name").hasMessageContaining("use a path");
        assertThat(group.connect(name, new AddressEcho())).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(UnsupportedOperationException.class).withMessageContaining("only paths");
        return true;
    }

    /** Runs {@code socat - TARGET} with {@code input} on its stdin; returns its stdout. */
    private static String socat(String target, String input) throws Exception {
        Process p = new ProcessBuilder("socat", "-t", "2", "-", target).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("socat ended").isTrue();
        assertThat(p.exitValue()).as("socat's exit code").isZero();
        return out;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** A client that sends {@code data} once open and completes with what came back once it all did. */
    private static final class OneShotClient implements ConnectionHandler {
        final byte[] data;
        final java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        final CompletableFuture<String> addresses = new CompletableFuture<>();
        final CompletableFuture<byte[]> echoed = new CompletableFuture<>();

        OneShotClient(byte[] data) {
            this.data = data;
        }

        int sent;

        @Override
        public void onOpen(Connection c) {
            addresses.complete(c.localSocketAddress() + " -> " + c.remoteSocketAddress());
            onWritable(c);
        }

        @Override
        public void onWritable(Connection c) {
            int n;
            while (sent < data.length && (n = c.writeSome(MemorySegment.ofArray(data), sent, data.length - sent)) > 0) {
                sent += n;
            }
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            got.writeBytes(buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE));
            if (got.size() >= data.length) {
                echoed.complete(got.toByteArray());
                c.close();
            }
        }
    }

    @Test
    void ourClientConnectsToAnAbstractNameAndBothSidesSeeIt() throws Exception {
        int fds = fdsBefore();
        AbstractUnixAddress name = AbstractUnixAddress.of("iobuf-test-\u00e9-" + ProcessHandle.current().pid());
        AddressEcho echo = new AddressEcho();
        EventLoopGroup group = group();
        if (abstractNamesRefused(group, name)) {
            endClean(group, fds);
            return;
        }
        Listener listener = group.listen(name, echo);
        assertThat(listener.address()).isEqualTo(name);
        byte[] data = NetTestSupport.pattern(300_000, 7);
        OneShotClient client = new OneShotClient(data);
        group.connect(name, client).get(10, TimeUnit.SECONDS);
        assertThat(client.echoed.get(10, TimeUnit.SECONDS)).isEqualTo(data);
        assertThat(client.addresses.get()).isEqualTo(UnixDomainSocketAddress.of("") + " -> @" + name.name());
        assertThat(NetTestSupport.await(() -> echo.seen.size() == 1, Duration.ofSeconds(5))).isTrue();
        assertThat(echo.seen.peek()).isEqualTo("@" + name.name() + " <- " + UnixDomainSocketAddress.of("") + " ip=null/null");
        endClean(group, fds);
    }

    @Test
    void tlsRunsOverAUnixSocket() throws Exception {
        int fds = fdsBefore();
        Path path = dir.resolve("tls.sock");
        EventLoopGroup group = group();
        group.listen(UnixDomainSocketAddress.of(path), new TlsTest.TlsEcho(),
                TlsConfig.server(TlsTestSupport.serverContext()).applicationProtocols("h2"));
        // The client sends it all before reading: were its reading paused while its queue is full, it and the
        // echo would wait for each other whenever the socket buffers hold less than the payload (small on NIO)
        EventLoopGroup clients = group(b -> b.pauseReadingWhenUnwritable(false));
        TlsConfig client = TlsConfig.client(TlsTestSupport.clientContext()).applicationProtocols("h2");
        assertThatThrownBy(() -> clients.connect(UnixDomainSocketAddress.of(path), new OneShotClient(new byte[1]), client))
                .as("no host name to verify over a Unix socket").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verifyHostname(false)");
        byte[] data = NetTestSupport.pattern(200_000, 3);
        OneShotClient c = new OneShotClient(data);
        Connection conn = clients.connect(UnixDomainSocketAddress.of(path), c, client.verifyHostname(false))
                .get(10, TimeUnit.SECONDS);
        assertThat(c.echoed.get(10, TimeUnit.SECONDS)).isEqualTo(data);
        assertThat(conn.tls().applicationProtocol()).isEqualTo("h2");
        NetTestSupport.shutdownClean(clients);
        endClean(group, fds);
    }

    @Test
    void aStaleSocketFileIsReplacedALiveOneRefusedAndAnyOtherFileKept() throws Exception {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(stale));
        }   // the JDK leaves the file: a server that died
        int fds = fdsBefore();        // after the JDK's first Unix channel (it may keep an fd of its own)
        assertThat(stale).exists();
        Path live = dir.resolve("live.sock");
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "not a socket");
        EventLoopGroup group = group();
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(live));
            Listener replaced = group.listen(UnixDomainSocketAddress.of(stale), new AddressEcho());
            try (SocketChannel ch = jdkClient(stale)) {
                echoOnce(ch, "after the stale file".getBytes(StandardCharsets.US_ASCII));
            }
            replaced.close();
            assertThatThrownBy(() -> group.listen(UnixDomainSocketAddress.of(live), new AddressEcho()))
                    .isInstanceOf(UringException.class).hasMessageContaining("EADDRINUSE")
                    .hasMessageContaining("a server is listening on " + live);
            assertThat(live).as("the live server's file is left alone").exists();
        }
        assertThatThrownBy(() -> group.listen(UnixDomainSocketAddress.of(plain), new AddressEcho()))
                .isInstanceOf(UringException.class).hasMessageContaining("is not a socket");
        assertThat(Files.readString(plain)).isEqualTo("not a socket");
        assertThatThrownBy(() -> group.listen(UnixDomainSocketAddress.of(dir.resolve("no/such/dir.sock")), new AddressEcho()))
                .isInstanceOf(UringException.class).hasMessageContaining("ENOENT").hasMessageContaining("create it first");
        endClean(group, fds);
    }

    @Test
    void closingRemovesOnlyTheFileItBound() throws Exception {
        int fds = fdsBefore();
        Path path = dir.resolve("taken.sock");
        EventLoopGroup group = group();
        Listener listener = group.listen(UnixDomainSocketAddress.of(path), new AddressEcho());
        Files.delete(path);           // someone removed it and another server bound the path since
        try (ServerSocketChannel successor = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            successor.bind(UnixDomainSocketAddress.of(path));
            listener.close();
            assertThat(path).as("the successor's socket file").exists();
        }
        endClean(group, fds);
    }

    @Test
    void optionsThatDoNotApplyToUnixSocketsAreRefusedNamingThem() throws Exception {
        int fds = fdsBefore();
        Path path = dir.resolve("opts.sock");
        EventLoopGroup group = group();
        assertThatThrownBy(() -> group.listen(UnixDomainSocketAddress.of(path), new AddressEcho(), null,
                SocketOptions.of().with(StandardSocketOptions.TCP_NODELAY, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TCP_NODELAY")
                .hasMessageContaining("Unix domain socket");
        assertThat(path).as("nothing was created").doesNotExist();
        CompletableFuture<String> refused = new CompletableFuture<>();
        group.listen(UnixDomainSocketAddress.of(path), new AddressEcho() {
            @Override
            public void onOpen(Connection c) {
                c.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 16);          // applies
                try {
                    c.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                    refused.complete("accepted");
                } catch (IllegalArgumentException e) {
                    refused.complete(e.getMessage());
                }
            }
        }, null, SocketOptions.of().with(StandardSocketOptions.SO_RCVBUF, 1 << 16));
        try (SocketChannel ch = jdkClient(path)) {
            echoOnce(ch, new byte[] {1, 2, 3});
        }
        assertThat(refused.get(10, TimeUnit.SECONDS)).contains("SO_KEEPALIVE", "Unix domain socket");
        assertThatThrownBy(() -> group.listen(UnixDomainSocketAddress.of(dir.resolve("x".repeat(120))), new AddressEcho()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sun_path");
        assertThatThrownBy(() -> AbstractUnixAddress.of("")).isInstanceOf(IllegalArgumentException.class);
        endClean(group, fds);
    }

    @Test
    void connectingToAPathNobodyListensOnFailsTheFuture() throws Exception {
        EventLoopGroup group = group();
        SocketAddress nobody = UnixDomainSocketAddress.of(dir.resolve("nobody.sock"));
        assertThat(group.connect(nobody, new AddressEcho())).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(UringException.class).withMessageContaining("ENOENT");
        NetTestSupport.shutdownClean(group);
    }
}

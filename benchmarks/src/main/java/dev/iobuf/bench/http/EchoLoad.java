package dev.iobuf.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Load client of the echo benchmark: {@code --connections} connections; each sends one message of
 * {@code --size} bytes, waits until all of it came back, and sends the next, for {@code --warmup}
 * then {@code --seconds} seconds. One thread, one selector (the client shares the machine with
 * the server, so it is kept cheap). Only the measured window counts.
 *
 * <p>With {@code --server-pid P} it also reads the server's CPU time (utime + stime of
 * /proc/P/stat, in clock ticks of {@code --clk-tck}) at the edges of the measured window.
 * Prints one line:
 * <pre>ECHO_RESULT bytes=B seconds=S mbps=M messages=N server_cpu_ticks=T total_bytes=TB</pre>
 * where bytes is what came back in the window, MB = 10^6 bytes, and total_bytes also counts the
 * warm-up. The echoed bytes are not compared with what was sent: the servers echo verbatim.
 */
public final class EchoLoad {
    private final ByteBuffer payload;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final int size;
    private long received;
    private long messages;
    /** Made once: {@code this::onReady} at the call would allocate a new bound instance per turn. */
    private final Consumer<SelectionKey> onReady = this::onReady;

    private EchoLoad(int size) {
        this.size = size;
        payload = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            payload.put(i, (byte) ('a' + i % 26));
        }
    }

    /** One connection: its own view of the payload (own position) and what came back of the current message. */
    private final class Conn {
        final SocketChannel ch;
        final ByteBuffer out = payload.duplicate();
        SelectionKey key;
        int back;

        Conn(SocketChannel ch) {
            this.ch = ch;
        }

        void send() throws IOException {
            out.clear();
            write();
        }

        void write() throws IOException {
            ch.write(out);
            int ops = out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
            if (key.interestOps() != ops) {
                key.interestOps(ops);
            }
        }

        void read() throws IOException {
            int n;
            do {
                readBuffer.clear();
                n = ch.read(readBuffer);
                if (n < 0) {
                    throw new IOException("server closed a connection");
                }
                received += n;
                back += n;
            } while (n == readBuffer.capacity());
            if (back >= size) {   // the whole message came back (the next is not sent before)
                back -= size;
                messages++;
                send();
            }
        }
    }

    public static void main(String[] args) {
        ServerOptions.run(args, a -> {
            ServerOptions o = ServerOptions.parse("EchoLoad", a,
                    Set.of("host", "port", "connections", "size", "warmup", "seconds", "server-pid", "clk-tck"));
            String host = o.string("host", "127.0.0.1");
            int port = o.intValue("port", 9080, 1, 65535);
            int connections = o.intValue("connections", 64, 1, 10_000);
            int size = o.intValue("size", 4096, 1, 1 << 24);
            int warmup = o.intValue("warmup", 1, 0, 3600);
            int seconds = o.intValue("seconds", 10, 1, 3600);
            int pid = o.intValue("server-pid", 0, 0, Integer.MAX_VALUE);
            int clkTck = o.intValue("clk-tck", 100, 1, 1_000_000);
            new EchoLoad(size).run(new InetSocketAddress(host, port), connections, warmup, seconds, pid, clkTck);
        });
    }

    private void run(InetSocketAddress server, int connections, int warmup, int seconds, int pid, int clkTck)
            throws IOException {
        try (Selector selector = Selector.open()) {
            Conn[] conns = new Conn[connections];
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = SocketChannel.open(server);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                conns[i] = new Conn(ch);
                conns[i].key = ch.register(selector, SelectionKey.OP_READ, conns[i]);
            }
            for (Conn c : conns) {
                c.send();
            }
            long start = System.nanoTime();
            long measureFrom = start + warmup * 1_000_000_000L;
            long end = measureFrom + seconds * 1_000_000_000L;
            boolean measuring = false;
            long bytesAtStart = 0;
            long messagesAtStart = 0;
            long cpuAtStart = 0;
            long t0 = 0;
            long now;
            while ((now = System.nanoTime()) < end) {
                if (!measuring && now >= measureFrom) {
                    measuring = true;
                    bytesAtStart = received;
                    messagesAtStart = messages;
                    cpuAtStart = cpuTicks(pid);
                    t0 = now;
                }
                selector.select(onReady, 100);
            }
            long cpu = cpuTicks(pid) - cpuAtStart;
            double secs = (now - t0) / 1e9;
            long bytes = received - bytesAtStart;
            System.out.printf("ECHO_RESULT bytes=%d seconds=%.3f mbps=%.2f messages=%d server_cpu_ticks=%d"
                            + " clk_tck=%d total_bytes=%d%n",
                    bytes, secs, bytes / secs / 1e6, messages - messagesAtStart, pid == 0 ? -1 : cpu, clkTck, received);
            for (Conn c : conns) {
                c.ch.close();
            }
        }
    }

    private void onReady(SelectionKey key) {
        Conn c = (Conn) key.attachment();
        try {
            if (key.isReadable()) {
                c.read();
            }
            if (key.isValid() && key.isWritable()) {
                c.write();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** utime + stime of process {@code pid} in clock ticks (fields 14 and 15 of /proc/pid/stat); 0 without a pid. */
    static long cpuTicks(int pid) throws IOException {
        if (pid == 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);   // fields 14, 15 = index 11, 12 after field 2
    }
}

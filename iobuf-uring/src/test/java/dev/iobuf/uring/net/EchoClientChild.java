package dev.iobuf.uring.net;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Runs echo clients in a child JVM (its own fd limit): {@code EchoClientChild <port> <connections> <rounds>}.
 * Prints {@code OK <connections> <bytesReceived>} and exits 0 when every connection echoed byte for byte.
 */
public final class EchoClientChild {
    private EchoClientChild() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        byte[][] messages = EchoTest.messages(rounds, connections);
        EchoClient clients = new EchoClient(messages, connections);
        EventLoopGroup group = EventLoopGroup.builder().threads(2).daemon(true).ringEntries(256)
                .recvBufferTier(dev.iobuf.BufferTier.SMALL).recvBuffers(256).maxConnectionsPerLoop(16384).build();
        InetSocketAddress server = new InetSocketAddress(NetTestSupport.LOOPBACK, port);
        for (int i = 0; i < connections; i++) {
            group.connect(server, clients).exceptionally(t -> {
                clients.failures.add("connect: " + t);
                clients.done.countDown();
                return null;
            });
        }
        boolean finished = clients.done.await(200, TimeUnit.SECONDS);
        boolean clean = group.shutdownGracefully(java.time.Duration.ofSeconds(10));
        NetCounters c = group.counters();
        if (finished && clean && clients.failures.isEmpty() && clients.completed.get() == connections && c.isQuiescent()) {
            System.out.println("OK " + connections + " " + c.bytesReceived());
            System.exit(0);
        }
        System.out.println("FAILED finished=" + finished + " clean=" + clean + " completed=" + clients.completed.get()
                + " failures=" + clients.failures.size() + " first=" + clients.failures.peek() + " counters=" + c);
        System.exit(1);
    }
}

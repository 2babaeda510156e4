package dev.iobuf.bench.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the Netty peers share: one event loop group for accepting and for I/O (so with
 * {@code --loops 1} the whole server is one thread, like ours), the pooled direct allocator,
 * TCP_NODELAY, and a stop on SIGINT/SIGTERM (JVM shutdown hook) that closes the group.
 */
final class NettyServers {
    private NettyServers() {
    }

    /** Binds {@code port}, prints where it listens, and serves until the JVM is asked to stop. */
    static void serve(String name, NettyTransport transport, int port, int loops,
            Consumer<SocketChannel> pipeline) throws InterruptedException {
        EventLoopGroup group = transport.newGroup(loops);
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly(), "stop"));
        ServerBootstrap b = new ServerBootstrap()
                .group(group, group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline.accept(ch);
                    }
                });
        Channel server = b.bind(new InetSocketAddress(port)).sync().channel();
        System.out.println(name + " (netty " + transport + ", " + loops + " event loop"
                + (loops == 1 ? "" : "s") + ") listening on " + server.localAddress());
        System.out.flush();
        server.closeFuture().sync();
    }
}

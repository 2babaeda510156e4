package dev.iobuf.bench.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Set;

/**
 * Netty 4.2 peer of the echo benchmark: every buffer read is written back as it is (no copy),
 * flushed once per read batch.
 *
 * <pre>java -cp benchmarks.jar dev.iobuf.bench.http.NettyEchoServer --transport io_uring|epoll --port 9082 [--loops 1]</pre>
 */
public final class NettyEchoServer {
    private NettyEchoServer() {
    }

    public static void main(String[] args) {
        ServerOptions.run(args, a -> {
            ServerOptions o = ServerOptions.parse("NettyEchoServer", a, Set.of("transport", "port", "loops"));
            NettyTransport transport = NettyTransport.of(o.choice("transport", "io_uring", NettyTransport.NAMES));
            int port = o.intValue("port", 9080, 0, 65535);
            int loops = o.intValue("loops", 1, 1, 256);
            NettyServers.serve("NettyEchoServer", transport, port, loops,
                    ch -> ch.pipeline().addLast(Echo.INSTANCE));
        });
    }

    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        static final Echo INSTANCE = new Echo();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());   // the write releases the buffer once it is sent
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}

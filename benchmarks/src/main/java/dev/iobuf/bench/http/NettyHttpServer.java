package dev.iobuf.bench.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.Set;

/**
 * Netty 4.2 peer of the HTTP plaintext benchmark: {@link HttpServerCodec} (header validation off,
 * as TechEmpower's Netty entry has it) and {@link NettyPlaintextHandler}. HTTP/1.1 keep-alive and
 * pipelining come from the codec.
 *
 * <pre>java -cp benchmarks.jar dev.iobuf.bench.http.NettyHttpServer --transport io_uring|epoll --port 8082 [--loops 1]</pre>
 */
public final class NettyHttpServer {
    private NettyHttpServer() {
    }

    public static void main(String[] args) {
        ServerOptions.run(args, a -> {
            ServerOptions o = ServerOptions.parse("NettyHttpServer", a, Set.of("transport", "port", "loops"));
            NettyTransport transport = NettyTransport.of(o.choice("transport", "io_uring", NettyTransport.NAMES));
            int port = o.intValue("port", 8080, 0, 65535);
            int loops = o.intValue("loops", 1, 1, 256);
            HttpDecoderConfig decoder = new HttpDecoderConfig().setValidateHeaders(false);
            NettyServers.serve("NettyHttpServer", transport, port, loops,
                    ch -> ch.pipeline().addLast(new HttpServerCodec(decoder), NettyPlaintextHandler.INSTANCE));
        });
    }
}

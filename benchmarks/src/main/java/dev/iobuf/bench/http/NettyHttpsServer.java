package dev.iobuf.bench.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;

/**
 * Netty 4.2 peer of the HTTPS plaintext benchmark: {@link NettyHttpServer}'s pipeline behind an
 * {@code SslHandler} whose engine is the JDK's (SslProvider.JDK: the same provider as ours), key and
 * certificate from the same PKCS12 key store ours is given; ALPN http/1.1.
 *
 * <pre>java -cp benchmarks.jar dev.iobuf.bench.http.NettyHttpsServer --transport io_uring --port 8443
 *      --keystore FILE --password PW [--loops 1]</pre>
 */
public final class NettyHttpsServer {
    private NettyHttpsServer() {
    }

    public static void main(String[] args) {
        ServerOptions.run(args, a -> {
            ServerOptions o = ServerOptions.parse("NettyHttpsServer", a,
                    Set.of("transport", "port", "loops", "keystore", "password"));
            NettyTransport transport = NettyTransport.of(o.choice("transport", "io_uring", NettyTransport.NAMES));
            int port = o.intValue("port", 8443, 0, 65535);
            int loops = o.intValue("loops", 1, 1, 256);
            char[] password = o.string("password", "changeit").toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(o.string("keystore", "server.p12")))) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SslContext ssl = SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, "http/1.1"))
                    .build();
            HttpDecoderConfig decoder = new HttpDecoderConfig().setValidateHeaders(false);
            NettyServers.serve("NettyHttpsServer", transport, port, loops, ch -> ch.pipeline().addLast(
                    ssl.newHandler(ch.alloc()), new HttpServerCodec(decoder), NettyPlaintextHandler.INSTANCE));
        });
    }
}

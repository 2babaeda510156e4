package dev.iobuf.bench.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The TechEmpower plaintext answer on Netty's own HTTP codec: every decoded {@link HttpRequest}
 * (any method, any path) gets {@code 200 OK} with {@code Hello, World!}; responses are written
 * without flushing and flushed once per read batch ({@link #channelReadComplete}), which is how
 * pipelined requests leave in one write.
 *
 * <p>Pre-built as far as Netty's API allows: one header set per event loop (Content-Length,
 * Content-Type, Server, Date; Date replaced once a second by a task on that loop, so no other
 * thread touches it) is shared by every response of the loop; the body is one unreleasable direct
 * buffer, of which each response takes a {@code duplicate()} (own indices, no copy). Per request
 * Netty still creates its decoded request objects, the {@link DefaultFullHttpResponse} and the
 * duplicate: that is the peer as its users write it.
 */
@ChannelHandler.Sharable
final class NettyPlaintextHandler extends ChannelInboundHandlerAdapter {
    static final NettyPlaintextHandler INSTANCE = new NettyPlaintextHandler();

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuf BODY =
            Unpooled.unreleasableBuffer(Unpooled.directBuffer(HELLO.length).writeBytes(HELLO));
    private static final AsciiString SERVER = AsciiString.cached("netty");
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain");
    private static final AsciiString LENGTH = AsciiString.cached(Integer.toString(HELLO.length));

    /** The header set of the current event loop, created on its first use there. */
    private static final FastThreadLocal<HttpHeaders> HEADERS = new FastThreadLocal<>() {
        @Override
        protected HttpHeaders initialValue() {
            return DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        }
    };

    private NettyPlaintextHandler() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest) {
                HttpHeaders headers = headers(ctx.channel().eventLoop());
                ctx.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        BODY.duplicate(), headers, EmptyHttpHeaders.INSTANCE), ctx.voidPromise());
            }
        } finally {
            ReferenceCountUtil.release(msg);   // the request, or its (empty) last content
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** This loop's headers; on the first call, also starts the once-a-second Date update there. */
    private static HttpHeaders headers(EventLoop loop) {
        if (HEADERS.isSet()) {
            return HEADERS.get();
        }
        HttpHeaders h = HEADERS.get();
        HttpDate date = new HttpDate();
        date.refresh(System.currentTimeMillis());
        h.set(HttpHeaderNames.CONTENT_LENGTH, LENGTH)
                .set(HttpHeaderNames.CONTENT_TYPE, TEXT_PLAIN)
                .set(HttpHeaderNames.SERVER, SERVER)
                .set(HttpHeaderNames.DATE, new AsciiString(date.text()));
        loop.scheduleAtFixedRate(() -> {
            if (date.refresh(System.currentTimeMillis())) {
                h.set(HttpHeaderNames.DATE, new AsciiString(date.text()));
            }
        }, 1000 - System.currentTimeMillis() % 1000, 1000, TimeUnit.MILLISECONDS);
        return h;
    }
}

package dev.iobuf.bench.http;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Set;

/** The Netty 4.2 native transports the peers run on; each checks that its native library loaded. */
enum NettyTransport {
    IO_URING("io_uring") {
        @Override
        IoHandlerFactory handlerFactory() {
            if (!IoUring.isAvailable()) {
                throw new IllegalStateException("Netty io_uring transport unavailable (needs Linux 5.14+, io_uring"
                        + " not blocked by seccomp or kernel.io_uring_disabled)", IoUring.unavailabilityCause());
            }
            return IoUringIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return IoUringServerSocketChannel.class;
        }
    },
    EPOLL("epoll") {
        @Override
        IoHandlerFactory handlerFactory() {
            if (!Epoll.isAvailable()) {
                throw new IllegalStateException("Netty epoll transport unavailable", Epoll.unavailabilityCause());
            }
            return EpollIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }
    };

    static final Set<String> NAMES = Set.of("io_uring", "epoll");

    private final String cliName;

    NettyTransport(String cliName) {
        this.cliName = cliName;
    }

    abstract IoHandlerFactory handlerFactory();

    abstract Class<? extends ServerChannel> serverChannel();

    /** One event loop group of {@code loops} threads; the server uses it for accepting and for I/O. */
    MultiThreadIoEventLoopGroup newGroup(int loops) {
        return new MultiThreadIoEventLoopGroup(loops, handlerFactory());
    }

    static NettyTransport of(String cliName) {
        for (NettyTransport t : values()) {
            if (t.cliName.equals(cliName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + cliName + "', expected one of " + NAMES);
    }

    @Override
    public String toString() {
        return cliName;
    }
}

package dev.iobuf.uring.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * How the NIO transport makes its per-loop sockets on one address (TCP listeners in {@link NioAcceptor}, UDP
 * endpoints in {@link NioDatagramEndpoint}): one channel per loop, each with SO_REUSEADDR and SO_REUSEPORT so that
 * the kernel spreads connections or datagrams across the loops as it does for the io_uring transport's
 * {@link ReusePortSockets}; the first bound on the asked address, the others on the address it got (port 0: one
 * free port for all). Nothing stays open when a step fails.
 */
final class NioChannels {
    private static final System.Logger LOG = System.getLogger(NioChannels.class.getName());

    /** Makes one unbound channel of a family. */
    interface Opener<C> {
        C open(ProtocolFamily family) throws IOException;
    }

    /** Binds a channel to an address. */
    interface Binder<C> {
        void bind(C channel, InetSocketAddress at) throws IOException;
    }

    private NioChannels() {
    }

    /** The protocol family of {@code address} (IPv4 or IPv6). */
    static ProtocolFamily family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /**
     * {@code n} non-blocking channels from {@code opener}, each with SO_REUSEADDR, SO_REUSEPORT and {@code options},
     * bound by {@code binder} to {@code address} (the first) or to the address the first got (the others).
     * {@code operation} names the call in a failure, up to the address: {@code "bind("}, {@code "bind(UDP "}.
     *
     * @throws dev.iobuf.uring.UringException naming the call, the errno and the remedy, if a channel cannot be made
     *         or bound; what {@code options} throw (IllegalArgumentException); nothing stays open then
     */
    static <C extends AbstractSelectableChannel & NetworkChannel> List<C> openEach(int n, InetSocketAddress address,
            SocketOptions options, String operation, Opener<C> opener, Binder<C> binder) {
        List<C> channels = new ArrayList<>(n);
        InetSocketAddress at = address;
        try {
            for (int i = 0; i < n; i++) {
                C ch = opener.open(family(address));
                channels.add(ch);
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                options.applyTo(ch);
                binder.bind(ch, at);
                ch.configureBlocking(false);
                if (i == 0) {
                    at = (InetSocketAddress) ch.getLocalAddress();
                }
            }
            return channels;
        } catch (IOException | RuntimeException e) {
            for (C ch : channels) {
                closeQuietly(ch);
            }
            if (e instanceof IOException io) {
                throw NioErrors.of(operation + address + ")", io, ReusePortSockets::bindRemedy);
            }
            throw (RuntimeException) e;
        }
    }

    /** Closes {@code ch}; a failure is logged at DEBUG (nothing to do about it). */
    static void closeQuietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LoopLog.log(LOG, System.Logger.Level.DEBUG, "closing " + ch + " failed", e);
        }
    }
}

package dev.iobuf.uring.net;

import dev.iobuf.uring.Transport;
import dev.iobuf.uring.UringException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Child JVM of {@link TransportFallbackTest}: builds a group with the default transport (AUTO), says which
 * transport runs, echoes one message through it, then asks for io_uring explicitly and says how that ended.
 */
public final class TransportFallbackChild {
    private TransportFallbackChild() {
    }

    /** Prints TRANSPORT, ECHO and IO_URING_REFUSED (or IO_URING_STARTED) lines. */
    public static void main(String[] args) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (EventLoopGroup group = EventLoopGroup.builder().threads(1).daemon(true).build()) {
            System.out.println("TRANSPORT " + group.transport());
            Listener listener = group.listen(new InetSocketAddress(loopback, 0), new EchoHandler());
            try (Socket s = new Socket(loopback, listener.port())) {
                s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                System.out.println("ECHO " + new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
            }
        }
        try {
            EventLoopGroup.builder().threads(1).daemon(true).transport(Transport.IO_URING).build().close();
            System.out.println("IO_URING_STARTED");
        } catch (UringException e) {
            System.out.println("IO_URING_REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

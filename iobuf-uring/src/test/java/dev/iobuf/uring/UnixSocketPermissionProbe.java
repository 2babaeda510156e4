package dev.iobuf.uring;

import dev.iobuf.BufferTier;
import dev.iobuf.uring.net.EventLoopGroup;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Run by {@link UnixSocketPermissionTest} as an unprivileged user (uid 65534 under root) in a child JVM, with the
 * path of a folder it may not write to. One line per step:
 * {@code FRESH_REFUSED} / {@code STALE_KEPT} (listening there fails, with what), {@code DENIED} (connecting to a
 * mode 600 socket file of another user), {@code ECHO} (connecting to a mode 666 one works), {@code DONE}.
 */
public final class UnixSocketPermissionProbe {
    private UnixSocketPermissionProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        EventLoopGroup group;
        try {
            group = EventLoopGroup.builder().threads(1).daemon(true).ringEntries(64).recvBufferTier(BufferTier.SMALL)
                    .recvBuffers(16).writeBuffers(64).maxConnectionsPerLoop(16).build();
        } catch (UringException e) {
            System.out.println("NO_RING " + e.getMessage());
            return;
        }
        try {
            System.out.println("FRESH_REFUSED " + listenFailure(group, dir.resolve("fresh.sock")));
            System.out.println("STALE_KEPT " + listenFailure(group, dir.resolve("stale.sock")));
            System.out.println("DENIED " + connect(dir.resolve("private.sock")));
            System.out.println("ECHO " + connect(dir.resolve("public.sock")));
        } finally {
            group.close();
        }
        System.out.println("DONE clean=" + group.counters().isQuiescent());
    }

    private static String listenFailure(EventLoopGroup group, Path path) {
        try {
            group.listen(UnixDomainSocketAddress.of(path), (c, buffer, offset, length) -> { }).close();
            return "FAILED: listening worked";
        } catch (UringException e) {
            return e.getMessage();
        }
    }

    private static String connect(Path path) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(path));
            ch.write(ByteBuffer.wrap(new byte[] {'o', 'k'}));
            ByteBuffer back = ByteBuffer.allocate(2);
            while (back.hasRemaining() && ch.read(back) >= 0) {
                // the server echoes
            }
            return new String(back.array(), 0, back.position());
        } catch (IOException e) {
            return "refused: " + e;
        }
    }
}

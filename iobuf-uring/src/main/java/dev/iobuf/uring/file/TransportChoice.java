package dev.iobuf.uring.file;

import dev.iobuf.uring.Transport;
import dev.iobuf.uring.TransportFallback;
import dev.iobuf.uring.UringException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which rings a {@link FileIo} gets for its {@link Transport}: io_uring {@link FileRing}s, or one
 * {@link ChannelRing} (the JDK's FileChannel on the caller's thread) for {@link Transport#NIO}, and for
 * {@link Transport#AUTO} when io_uring is refused ({@link TransportFallback#isRefusal}, the network
 * runtime's rule). The fallback is logged once per process at INFO with {@link TransportFallback#message}
 * (later services at DEBUG: a program that opens many FileIo says it once).
 */
final class TransportChoice {
    private static final System.Logger LOG = System.getLogger(FileIo.class.getName());
    private static final AtomicBoolean LOGGED = new AtomicBoolean();
    private static final long JOIN_MILLIS = 15_000;

    private TransportChoice() {
    }

    /** Started rings for {@code b}'s transport; a refusal under {@link Transport#IO_URING} is thrown. */
    static FileRing[] startRings(FileIo io, FileIoBuilder b) {
        if (b.transport != Transport.NIO) {
            try {
                return start(io, b, false);
            } catch (UringException e) {
                if (b.transport != Transport.AUTO || !TransportFallback.isRefusal(e)) {
                    throw e;
                }
                System.Logger.Level level = LOGGED.compareAndSet(false, true)
                        ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
                LOG.log(level, TransportFallback.message("FileIo", e));
            }
        }
        return start(io, b, true);
    }

    private static FileRing[] start(FileIo io, FileIoBuilder b, boolean nio) {
        FileRing[] rings = new FileRing[nio ? 1 : b.rings];
        try {
            for (int i = 0; i < rings.length; i++) {
                rings[i] = nio ? new ChannelRing(io, i, b) : new FileRing(io, i, b);
                rings[i].start();
            }
            return rings;
        } catch (RuntimeException | Error e) {
            for (FileRing r : rings) {
                if (r != null) {
                    r.stop();
                }
            }
            for (FileRing r : rings) {
                if (r != null) {
                    r.join(JOIN_MILLIS);
                }
            }
            throw e;
        }
    }
}

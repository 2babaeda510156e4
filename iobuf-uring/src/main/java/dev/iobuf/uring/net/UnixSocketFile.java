package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file of a Unix listener bound to a path, and what the runtime does with it (EventLoopGroup's listen
 * documents it for users):
 * <ul>
 * <li>before bind, a <b>stale</b> socket file (a socket nobody listens on: connect is refused, as after a crash)
 *     is removed; a socket somebody listens on is {@code EADDRINUSE}; any other file at the path is refused,
 *     never removed;</li>
 * <li>after bind the file has the mode the umask gives; connecting needs write permission on it, so restrict
 *     who may connect with the file's (or its directory's) permissions;</li>
 * <li>when the listener stops, the file is removed if it is still the one bound (same device and inode):
 *     a file another server bound at the same path since is left alone.</li>
 * </ul>
 */
final class UnixSocketFile {
    private static final System.Logger LOG = System.getLogger(UnixSocketFile.class.getName());
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path path;
    private final Object fileKey;

    private UnixSocketFile(Path path, Object fileKey) {
        this.path = path;
        this.fileKey = fileKey;
    }

    /**
     * Makes {@code address} free to bind: removes a stale socket file there.
     *
     * @throws UringException ({@code EADDRINUSE}) if a server listens there or the file is not a socket
     */
    static void clearStale(UnixDomainSocketAddress address) {
        Path path = address.getPath();
        String op = "bind(" + path + ")";
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return;
        } catch (IOException | UnsupportedOperationException e) {
            return;                           // bind reports what is wrong
        }
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new UringException(op, -Errno.EADDRINUSE.number(), path + " exists and is not a socket: "
                    + "remove it yourself if it is not needed, or choose another path");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.configureBlocking(false);      // a live server with a full backlog must not block listen()
            probe.connect(address);
        } catch (ConnectException refused) {
            try {
                Files.deleteIfExists(path);
                LOG.log(System.Logger.Level.INFO, "removed stale Unix socket file " + path + " (nobody listened on it)");
            } catch (IOException e) {
                throw new UringException(op, -Errno.EADDRINUSE.number(), "the stale socket file " + path
                        + " cannot be removed (" + e.getMessage() + "): remove it, or give this user write permission "
                        + "on its directory");
            }
            return;
        } catch (IOException e) {
            throw new UringException(op, -Errno.EADDRINUSE.number(), "the socket file " + path + " exists and a "
                    + "probe connect failed (" + e.getMessage() + "): remove it if no server uses it");
        }
        throw new UringException(op, -Errno.EADDRINUSE.number(), "a server is listening on " + path
                + ": stop it, or choose another path");
    }

    /** The file just bound at {@code address}, remembered by its device and inode. */
    static UnixSocketFile bound(UnixDomainSocketAddress address) {
        return new UnixSocketFile(address.getPath(), key(address.getPath()));
    }

    /** Removes the file if it is still the one bound. Any thread; idempotent. */
    void deleteIfOurs() {
        Object now = key(path);
        if (now == null || !now.equals(fileKey)) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove the Unix socket file " + path + " of a closed "
                    + "listener: " + e);
        }
    }

    private static Object key(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}

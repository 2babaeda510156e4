package dev.iobuf.uring.net;

import dev.iobuf.liburing.sockaddr;
import dev.iobuf.liburing.sockaddr_un;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.Charset;

/**
 * {@code struct sockaddr_un} to and from {@link UnixDomainSocketAddress} (a path: NUL-terminated in
 * {@code sun_path}) and {@link AbstractUnixAddress} (a leading NUL, then the name, length-delimited). A path is
 * encoded like the JDK's own Unix channels encode it ({@code sun.jnu.encoding}), so both name the same file.
 */
final class UnixAddresses {
    static final int BYTES = (int) sockaddr_un.sizeof();
    private static final long FAMILY = sockaddr.sa_family$offset();
    private static final long PATH = sockaddr_un.sun_path$offset();
    private static final int PATH_BYTES = (int) sockaddr_un.sun_path$layout().byteSize();
    private static final Charset PATHS = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    private UnixAddresses() {
    }

    /**
     * Writes {@code address} into {@code dst} (at least {@link #BYTES} bytes) and returns its length.
     *
     * @throws IllegalArgumentException if the path is empty or too long for {@code sun_path}
     */
    static int encode(SocketAddress address, MemorySegment dst) {
        dst.asSlice(0, BYTES).fill((byte) 0);
        dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, FAMILY, (short) Sockets.AF_UNIX);
        if (address instanceof AbstractUnixAddress a) {
            byte[] name = a.bytes();
            MemorySegment.copy(name, 0, dst, ValueLayout.JAVA_BYTE, PATH + 1, name.length);   // sun_path[0] stays NUL
            return (int) PATH + 1 + name.length;
        }
        byte[] path = pathBytes((UnixDomainSocketAddress) address);
        MemorySegment.copy(path, 0, dst, ValueLayout.JAVA_BYTE, PATH, path.length);
        return (int) PATH + path.length + 1;                                                 // with the NUL
    }

    /** The path of {@code address} as the kernel gets it; checked against sun_path's size. */
    static byte[] pathBytes(UnixDomainSocketAddress address) {
        String path = address.getPath().toString();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("an empty Unix socket path names no file: give a path, or an "
                    + "AbstractUnixAddress for a name without a file");
        }
        byte[] bytes = path.getBytes(PATHS);
        if (bytes.length >= PATH_BYTES) {
            throw new IllegalArgumentException("Unix socket path " + path + " takes " + bytes.length + " bytes; sun_path "
                    + "holds " + (PATH_BYTES - 1) + " and a NUL: use a shorter path (a relative one, or one under "
                    + "/run or /tmp), or an AbstractUnixAddress");
        }
        return bytes;
    }

    /**
     * Reads a sockaddr_un of {@code length} bytes: an {@link AbstractUnixAddress}, a path, or the unnamed address
     * ({@code UnixDomainSocketAddress.of("")}, as the JDK reports an unbound client socket).
     */
    static SocketAddress decode(MemorySegment src, int length) {
        int n = length - (int) PATH;
        if (n <= 0) {
            return UnixDomainSocketAddress.of("");
        }
        byte[] raw = src.asSlice(PATH, Math.min(n, PATH_BYTES)).toArray(ValueLayout.JAVA_BYTE);
        if (raw[0] == 0) {
            return AbstractUnixAddress.of(new String(raw, 1, raw.length - 1, java.nio.charset.StandardCharsets.UTF_8));
        }
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return UnixDomainSocketAddress.of(new String(raw, 0, end, PATHS));
    }
}

package dev.iobuf.uring.net;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A Unix domain socket address in Linux's abstract namespace: a name, not a file. Nothing appears in the file
 * system, nothing needs unlinking, and the name disappears with the last socket bound to it; any process in the
 * same network namespace that knows the name can connect (there are no file permissions: check the peer
 * yourself if that matters). The JDK's {@link java.net.UnixDomainSocketAddress} names files only, so the network
 * runtime takes abstract names as this type wherever it takes a {@code UnixDomainSocketAddress}:
 *
 * {@snippet :
 * group.listen(AbstractUnixAddress.of("my-service"), handler);          // socat - ABSTRACT-CONNECT:my-service
 * group.connect(AbstractUnixAddress.of("my-service"), handler);
 * }
 *
 * <p>On the wire the name is {@code sun_path} after a leading NUL byte, as many bytes as its UTF-8 encoding has
 * (no terminating NUL): what {@code socat ABSTRACT-LISTEN:name}, {@code ss -x} ({@code @name}) and Go's
 * {@code "@name"} use.
 */
public final class AbstractUnixAddress extends SocketAddress {
    private static final long serialVersionUID = 1L;
    /** sun_path holds 108 bytes; the leading NUL takes one. */
    static final int MAX_NAME_BYTES = 107;

    /** The name, without the leading NUL. */
    private final String name;

    private AbstractUnixAddress(String name) {
        this.name = name;
    }

    /**
     * The abstract address {@code name} (without a leading NUL or {@code @}).
     *
     * @throws IllegalArgumentException if the name is empty, holds a NUL character, or takes more than 107 bytes
     *         in UTF-8
     */
    public static AbstractUnixAddress of(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an abstract Unix socket name must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an abstract Unix socket name is given without NUL characters (the "
                    + "leading NUL is added on the wire), got " + name.replace("\0", "\\0"));
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("an abstract Unix socket name takes at most " + MAX_NAME_BYTES
                    + " bytes in UTF-8 (sun_path is 108 bytes with the leading NUL), got " + bytes + ": shorten it");
        }
        return new AbstractUnixAddress(name);
    }

    /** The name, without the leading NUL. */
    public String name() {
        return name;
    }

    /** The name in UTF-8, as it goes into {@code sun_path} after the leading NUL. */
    byte[] bytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbstractUnixAddress a && a.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** {@code @name}, as {@code ss -x} shows it. */
    @Override
    public String toString() {
        return "@" + name;
    }
}

package dev.iobuf.uring.net;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.linger;
import dev.iobuf.uring.UringException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Socket options for a listener ({@link EventLoopGroup#listen(java.net.SocketAddress, ConnectionHandler,
 * TlsConfig, SocketOptions)}: set on each listening socket before bind; Linux gives accepted sockets the
 * listener's buffer sizes, keep-alive, linger, TCP_NODELAY and TOS) or one connection ({@link Connection#setOption}).
 * Immutable: {@link #with} returns a copy. The options are {@link StandardSocketOptions}' SO_RCVBUF, SO_SNDBUF,
 * SO_KEEPALIVE, SO_LINGER, SO_REUSEADDR, SO_REUSEPORT, TCP_NODELAY and IP_TOS, and this class's
 * {@link #TCP_KEEPIDLE}, {@link #TCP_KEEPINTERVAL}, {@link #TCP_KEEPCOUNT} and {@link #IPV6_V6ONLY} (the names
 * {@code jdk.net.ExtendedSocketOptions} uses are accepted too). A value outside an option's range is an
 * {@link IllegalArgumentException} naming the option and the range.
 *
 * <pre>{@code
 * SocketOptions o = SocketOptions.of().with(StandardSocketOptions.SO_RCVBUF, 1 << 20)
 *         .with(StandardSocketOptions.SO_KEEPALIVE, true).with(SocketOptions.TCP_KEEPIDLE, 30);
 * }</pre>
 */
public final class SocketOptions {
    /** Seconds a connection is idle before the first keep-alive probe (TCP_KEEPIDLE, 1 .. 32767). */
    public static final SocketOption<Integer> TCP_KEEPIDLE = new Named<>("TCP_KEEPIDLE", Integer.class);
    /** Seconds between keep-alive probes (TCP_KEEPINTVL, 1 .. 32767). */
    public static final SocketOption<Integer> TCP_KEEPINTERVAL = new Named<>("TCP_KEEPINTERVAL", Integer.class);
    /** Unanswered probes before the connection is dropped (TCP_KEEPCNT, 1 .. 127). */
    public static final SocketOption<Integer> TCP_KEEPCOUNT = new Named<>("TCP_KEEPCOUNT", Integer.class);
    /** An IPv6 listener takes IPv6 only, not IPv4-mapped connections too (IPV6_V6ONLY; before bind: listeners). */
    public static final SocketOption<Boolean> IPV6_V6ONLY = new Named<>("IPV6_V6ONLY", Boolean.class);

    private static final SocketOptions NONE = new SocketOptions(Map.of());

    private final Map<String, Object> values;

    private SocketOptions(Map<String, Object> values) {
        this.values = values;
    }

    /** No options (the runtime's defaults: SO_REUSEADDR and SO_REUSEPORT on listeners, the group's TCP_NODELAY). */
    public static SocketOptions of() {
        return NONE;
    }

    /**
     * These options and {@code option} set to {@code value}.
     *
     * @throws IllegalArgumentException if the option is not one of those above, or the value is out of its range
     */
    public <T> SocketOptions with(SocketOption<T> option, T value) {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(value, option.name());
        check(option, value);
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(option.name(), value);
        return new SocketOptions(copy);
    }

    /** Whether no option is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "SocketOptions" + values;
    }

    // ================================================================ mapping to setsockopt

    /** Level, name and range of an option (by its name), or null if unknown. */
    private record Code(int level, int name, int min, int max, boolean bool) {
    }

    private static Code code(String name, boolean ipv6) {
        return switch (name) {
            case "SO_RCVBUF" -> new Code(LibcAbi.SOL_SOCKET(), LibcAbi.SO_RCVBUF(), 1, Integer.MAX_VALUE, false);
            case "SO_SNDBUF" -> new Code(LibcAbi.SOL_SOCKET(), LibcAbi.SO_SNDBUF(), 1, Integer.MAX_VALUE, false);
            case "SO_KEEPALIVE" -> new Code(LibcAbi.SOL_SOCKET(), LibcAbi.SO_KEEPALIVE(), 0, 1, true);
            case "SO_REUSEADDR" -> new Code(LibcAbi.SOL_SOCKET(), LibcAbi.SO_REUSEADDR(), 0, 1, true);
            case "SO_REUSEPORT" -> new Code(LibcAbi.SOL_SOCKET(), LibcAbi.SO_REUSEPORT(), 0, 1, true);
            case "SO_LINGER" -> new Code(LibcAbi.SOL_SOCKET(), LibcAbi.SO_LINGER(), Integer.MIN_VALUE, 65535, false);
            case "TCP_NODELAY" -> new Code(LibcAbi.IPPROTO_TCP(), LibcAbi.TCP_NODELAY(), 0, 1, true);
            case "TCP_KEEPIDLE" -> new Code(LibcAbi.IPPROTO_TCP(), LibcAbi.TCP_KEEPIDLE(), 1, 32767, false);
            case "TCP_KEEPINTERVAL" -> new Code(LibcAbi.IPPROTO_TCP(), LibcAbi.TCP_KEEPINTVL(), 1, 32767, false);
            case "TCP_KEEPCOUNT" -> new Code(LibcAbi.IPPROTO_TCP(), LibcAbi.TCP_KEEPCNT(), 1, 127, false);
            case "IP_TOS" -> ipv6 ? new Code(LibcAbi.IPPROTO_IPV6(), LibcAbi.IPV6_TCLASS(), 0, 255, false)
                    : new Code(LibcAbi.IPPROTO_IP(), LibcAbi.IP_TOS(), 0, 255, false);
            case "IPV6_V6ONLY" -> new Code(LibcAbi.IPPROTO_IPV6(), LibcAbi.IPV6_V6ONLY(), 0, 1, true);
            default -> null;
        };
    }

    private static void check(SocketOption<?> option, Object value) {
        Code c = code(option.name(), false);
        if (c == null) {
            throw new IllegalArgumentException("socket option " + option.name() + " is not supported here: use SO_RCVBUF,"
                    + " SO_SNDBUF, SO_KEEPALIVE, SO_LINGER, SO_REUSEADDR, SO_REUSEPORT, TCP_NODELAY, IP_TOS, TCP_KEEPIDLE,"
                    + " TCP_KEEPINTERVAL, TCP_KEEPCOUNT or IPV6_V6ONLY");
        }
        if (c.bool() != (value instanceof Boolean) || (!c.bool() && !(value instanceof Integer))) {
            throw new IllegalArgumentException("socket option " + option.name() + " takes " + (c.bool() ? "a Boolean" : "an Integer")
                    + ", got " + value.getClass().getSimpleName());
        }
        if (!c.bool()) {
            int v = (Integer) value;
            if (v < c.min() || v > c.max()) {
                throw new IllegalArgumentException("socket option " + option.name() + " must be in " + c.min() + " .. "
                        + c.max() + ", got " + v);
            }
        }
    }

    /** Sets every option on connected socket {@code fd} (IP or Unix: {@link #requireFamily}). */
    void applyTo(int fd) {
        java.net.SocketAddress local = Sockets.localSocketAddress(fd);
        if (!(local instanceof java.net.InetSocketAddress)) {
            requireFamily(Sockets.AF_UNIX);
        }
        applyTo(fd, local instanceof java.net.InetSocketAddress inet && inet.getAddress() instanceof java.net.Inet6Address);
    }

    /**
     * Checks that every option applies to sockets of {@code family}: a Unix domain socket (AF_UNIX) takes only
     * SO_RCVBUF, SO_SNDBUF and SO_LINGER (as the JDK's Unix channels).
     *
     * @throws IllegalArgumentException naming the first option that does not apply
     */
    void requireFamily(int family) {
        if (family != Sockets.AF_UNIX) {
            return;
        }
        for (String name : values.keySet()) {
            if (!name.equals("SO_RCVBUF") && !name.equals("SO_SNDBUF") && !name.equals("SO_LINGER")) {
                throw new IllegalArgumentException("socket option " + name + " does not apply to a Unix domain socket "
                        + "(AF_UNIX): only SO_RCVBUF, SO_SNDBUF and SO_LINGER do; drop it for Unix addresses");
            }
        }
    }

    /** Sets every option on {@code fd} (an IPv6 socket if {@code ipv6}); a refusal names the option and errno. */
    void applyTo(int fd, boolean ipv6) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            set(fd, ipv6, e.getKey(), e.getValue());
        }
    }

    static void set(int fd, boolean ipv6, String name, Object value) {
        Code c = code(name, ipv6);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v;
            if (name.equals("SO_LINGER")) {          // struct linger; negative seconds: off
                int seconds = (Integer) value;
                v = linger.allocate(arena);
                linger.l_onoff(v, seconds < 0 ? 0 : 1);
                linger.l_linger(v, Math.max(0, seconds));
            } else {
                v = arena.allocateFrom(JAVA_INT, value instanceof Boolean b ? (b ? 1 : 0) : (Integer) value);
            }
            rc = Syscalls.setsockopt(fd, c.level(), c.name(), v, (int) v.byteSize());
        }
        if (rc < 0) {
            throw new UringException("setsockopt(fd=" + fd + ", " + name + ", " + value + ")", rc, null);
        }
    }

    /**
     * Sets every option on {@code channel} (the NIO transport): each is the channel's supported option of the
     * same name (the JDK's extended ones for the keep-alive timings).
     *
     * @throws IllegalArgumentException if the JDK offers no option of that name for this channel (IPV6_V6ONLY)
     * @throws java.io.UncheckedIOException if the kernel refuses one, naming it
     */
    void applyTo(java.nio.channels.NetworkChannel channel) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            setOn(channel, e.getKey(), e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static void setOn(java.nio.channels.NetworkChannel channel, String name, Object value) {
        for (SocketOption<?> o : channel.supportedOptions()) {
            if (o.name().equals(name)) {
                try {
                    channel.setOption((SocketOption<Object>) o, value);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("setOption(" + name + ", " + value + ") on " + channel, e);
                }
                return;
            }
        }
        throw new IllegalArgumentException(name + " cannot be set on the NIO transport (the JDK's " + channel.getClass()
                .getSimpleName() + " does not offer it): use the io_uring transport, or leave it out");
    }

    /** getsockopt of {@code option} on {@code fd} as the kernel reports it (SO_LINGER: seconds, -1 when off). */
    static Object get(int fd, boolean ipv6, SocketOption<?> option) {
        Code c = code(option.name(), ipv6);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = linger.allocate(arena);   // the largest option value we read
            MemorySegment len = arena.allocateFrom(JAVA_INT, (int) v.byteSize());
            int rc = Syscalls.getsockopt(fd, c.level(), c.name(), v, len);
            if (rc < 0) {
                throw new UringException("getsockopt(fd=" + fd + ", " + option.name() + ")", rc, null);
            }
            if (option.name().equals("SO_LINGER")) {
                return linger.l_onoff(v) == 0 ? -1 : linger.l_linger(v);
            }
            int n = v.get(JAVA_INT, 0);
            return c.bool() ? (Object) (n != 0) : (Object) n;
        }
    }

    /** An option of ours, named like the JDK's extended option where there is one. */
    private record Named<T>(String name, Class<T> type) implements SocketOption<T> {
        @Override
        public String toString() {
            return name;
        }
    }
}

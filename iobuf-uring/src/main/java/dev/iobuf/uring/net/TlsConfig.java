package dev.iobuf.uring.net;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS for a listener ({@link EventLoopGroup#listen(java.net.SocketAddress, ConnectionHandler, TlsConfig)}) or a
 * client connection ({@link EventLoopGroup#connect(java.net.SocketAddress, ConnectionHandler, TlsConfig)}) over the
 * JDK's {@link SSLEngine} (whatever provider the {@link SSLContext} comes from; no other dependency).
 * Immutable; one config serves any number of connections.
 *
 * <p>The handler sees plaintext: {@code onOpen} runs once the handshake is done (a connection whose
 * handshake fails gets no callback; a client's connect future fails with the {@link javax.net.ssl.SSLException}),
 * {@code onData} gets decrypted bytes, {@code write} encrypts. {@link Connection#tls()} tells the
 * negotiated protocol (ALPN) and session.
 *
 * <pre>{@code
 * SSLContext ctx = ...;   // KeyManagerFactory over your key store
 * group.listen(new InetSocketAddress(8443), handler, TlsConfig.server(ctx).applicationProtocols("http/1.1"));
 * }</pre>
 */
public final class TlsConfig {
    private final SSLContext context;
    private final boolean client;
    private final List<String> protocols;
    private final boolean verifyHostname;

    private TlsConfig(SSLContext context, boolean client, List<String> protocols, boolean verifyHostname) {
        this.context = Objects.requireNonNull(context, "context");
        this.client = client;
        this.protocols = protocols;
        this.verifyHostname = verifyHostname;
    }

    /** The server side: the context must hold a key (a {@code KeyManager}) for the certificate it presents. */
    public static TlsConfig server(SSLContext context) {
        return new TlsConfig(context, false, List.of(), false);
    }

    /**
     * The client side: the context's trust managers check the server's certificate, and the host name the
     * connection was made to is checked against it (HTTPS rules) unless {@link #verifyHostname(boolean)} says no.
     */
    public static TlsConfig client(SSLContext context) {
        return new TlsConfig(context, true, List.of(), true);
    }

    /**
     * The ALPN protocols in order of preference ({@code "h2"}, {@code "http/1.1"}): a client offers them, a
     * server picks the first of its list that the client offers.
     *
     * @throws IllegalArgumentException if a name is empty
     */
    public TlsConfig applicationProtocols(String... names) {
        for (String n : names) {
            if (n == null || n.isEmpty()) {
                throw new IllegalArgumentException("an ALPN protocol name is non-empty, got " + Arrays.toString(names));
            }
        }
        return new TlsConfig(context, client, List.of(names), verifyHostname);
    }

    /** Client side: whether to check the server's certificate against the host name connected to (default true). */
    public TlsConfig verifyHostname(boolean on) {
        return new TlsConfig(context, client, protocols, on);
    }

    /** Client side: whether the server's certificate is checked against the host name connected to. */
    public boolean verifiesHostname() {
        return verifyHostname;
    }

    /** Whether this is the client side. */
    public boolean isClient() {
        return client;
    }

    /** The ALPN protocols offered or accepted (empty: no ALPN). */
    public List<String> applicationProtocols() {
        return protocols;
    }

    /** A new engine for one connection ({@code remote}: the address a client connects to, else null). */
    SSLEngine newEngine(InetSocketAddress remote) {
        SSLEngine e = remote == null ? context.createSSLEngine()
                : context.createSSLEngine(remote.getHostString(), remote.getPort());
        e.setUseClientMode(client);
        SSLParameters p = e.getSSLParameters();
        if (!protocols.isEmpty()) {
            p.setApplicationProtocols(protocols.toArray(String[]::new));
        }
        if (client && verifyHostname) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        e.setSSLParameters(p);
        return e;
    }

    @Override
    public String toString() {
        return "TlsConfig[" + (client ? "client" : "server") + ", " + context.getProtocol() + ", alpn=" + protocols + "]";
    }
}

package dev.iobuf.uring.net;

import dev.iobuf.IoVec;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * The TLS side of one {@link Connection} ({@link Connection#tls()}): its {@link SSLEngine}, driven on the
 * loop's thread between the connection's receive and send halves.
 *
 * <p>Receiving: a record is unwrapped straight from the provided receive buffer into the loop's plaintext
 * buffer, which {@code onData} gets (valid during the call, like a receive buffer; {@link Connection#retain()}
 * is refused); only a record split across receives is carried over in a buffer the loop lends. Sending: a
 * write gathers plaintext in the loop's staging buffer (up to a 16 KiB record), the engine wraps it into the
 * loop's record buffer, and the record is copied into the write queue (several small records share one write
 * buffer and go out in one send). Nothing is allocated per record by this class; what the JDK engine allocates
 * inside wrap and unwrap is its own (see iobuf-uring/README.md). Handshake tasks run inline on the loop.
 *
 * <p>Closing: {@link Connection#close()} sends close_notify after what is queued; a peer's close_notify is
 * answered with ours and the connection closes as on end of stream. A TLS failure (garbage instead of a
 * ClientHello, a bad certificate, a bad record) sends the engine's alert, then closes with
 * {@link CloseReason#ERROR} and the {@link SSLException} as {@link Connection#failure()}.
 */
public final class TlsLink {
    /** Most bytes a record adds to its plaintext (header, nonce, tag or MAC and padding: 16709 - 16384). */
    static final int OVERHEAD = 325;
    private static final System.Logger LOG = System.getLogger(TlsLink.class.getName());
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final Connection c;
    private final SSLEngine engine;
    private final TlsBuffers buffers;
    private ByteBuffer carry;
    private int staged;
    private boolean established;
    private boolean outboundClosed;
    private boolean failed;

    TlsLink(Connection c, TlsConfig config, InetSocketAddress remote, TlsBuffers buffers) {
        this.c = c;
        this.engine = config.newEngine(remote);
        this.buffers = buffers;
    }

    /** Whether the handshake is done ({@code onOpen} has run or is running). Loop thread. */
    public boolean isEstablished() {
        return established;
    }

    /** The protocol ALPN agreed on ({@code "h2"}, {@code "http/1.1"}), or {@code null} if none was. Loop thread. */
    public String applicationProtocol() {
        String p = engine.getApplicationProtocol();
        return p == null || p.isEmpty() ? null : p;
    }

    /** The TLS session (protocol version, cipher suite, peer certificates) once established. Loop thread. */
    public SSLSession session() {
        return engine.getSession();
    }

    @Override
    public String toString() {
        return "TlsLink[" + (engine.getUseClientMode() ? "client" : "server") + (established ? ", "
                + engine.getSession().getProtocol() + " " + engine.getSession().getCipherSuite() : ", handshaking") + "]";
    }

    // ================================================================ handshake

    /** The socket is connected: start the handshake (a client sends its ClientHello now). */
    void start() {
        try {
            engine.beginHandshake();
            drive();
        } catch (SSLException e) {
            failed(e);
        }
    }

    /** Runs the handshake as far as it goes without the peer; the first time it is done, opens the connection. */
    private void drive() throws SSLException {
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                case NEED_WRAP -> {
                    // A wrap may make nothing and leave a delegated task to run first (NEED_TASK): go on
                    // unless it made nothing and still wants to wrap (no progress) or the engine closed.
                    int made = wrap(EMPTY);
                    if (made < 0 || made == 0 && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                        return;
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    return;
                }
                default -> {
                    if (!established && !engine.isOutboundDone() && !engine.isInboundDone()) {
                        established = true;
                        c.tlsEstablished();
                    }
                    return;
                }
            }
        }
    }

    // ================================================================ receiving

    /** Ciphertext arrived in receive buffer {@code bid}: unwrap and deliver what it completes. */
    void received(MemorySegment buffer, int offset, int length, int bid) {
        ByteBuffer in = buffers.recvView(bid, buffer, offset, length);
        if (carry == null) {
            unwrapAll(in);
            if (in.hasRemaining() && c.state() == Connection.OPEN) {
                carry = buffers.takeCarry();
                carry.put(in);
            }
        } else {
            carry.put(in);          // room: a carry holds less than a record (plus one receive while paused)
            unwrapCarried();
        }
    }

    /** Reading resumed: unwrap what was carried while paused. */
    void resume() {
        if (carry != null) {
            unwrapCarried();
        }
    }

    private void unwrapCarried() {
        carry.flip();
        unwrapAll(carry);
        carry.compact();
        if (carry.position() == 0 || c.state() != Connection.OPEN) {
            buffers.giveCarry(carry);
            carry = null;
        }
    }

    /** Whether unwrapped bytes may be delivered now. */
    private boolean delivering() {
        return c.state() == Connection.OPEN && !c.receive().paused();
    }

    /** Unwraps records from {@code src} until it holds only part of one, reading pauses, or the connection closes. */
    private void unwrapAll(ByteBuffer src) {
        while (src.hasRemaining() && delivering()) {
            SSLEngineResult r;
            try {
                r = engine.unwrap(src, buffers.plain());
            } catch (SSLException e) {
                failed(e);
                return;
            }
            switch (r.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    return;
                }
                case BUFFER_OVERFLOW -> {
                    failed(new SSLException("a TLS record holds more than " + TlsBuffers.MAX_RECORD + " bytes"));
                    return;
                }
                case CLOSED -> {
                    c.peerClosed();             // close_notify: answered by closeOutbound as the connection closes
                    return;
                }
                default -> { }
            }
            if (r.bytesProduced() > 0) {
                try {
                    c.handler().onData(c, buffers.plainSegment(), 0, r.bytesProduced());
                } catch (Throwable t) {
                    c.handlerFailed("onData", t);
                    return;
                }
            }
            if (r.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || !established) {
                try {
                    drive();
                } catch (SSLException e) {
                    failed(e);
                    return;
                }
            }
        }
    }

    // ================================================================ sending

    /** Bytes a record of {@code length} plaintext bytes (or several, past 16 KiB) may take on the wire. */
    static long wireBound(long length) {
        long records = Math.max(1, (length + TlsBuffers.FRAGMENT - 1) / TlsBuffers.FRAGMENT);
        return length + records * OVERHEAD;
    }

    /** Whether {@code length} plaintext bytes fit in the queue once encrypted ({@code room}: plain bytes free). */
    boolean fits(int length, int room) {
        return established && !outboundClosed && wireBound(length) <= room;
    }

    /** The plaintext bytes that fit in {@code room} wire bytes. */
    int plaintextRoom(int room) {
        if (!established || outboundClosed) {
            return 0;
        }
        long records = (room + TlsBuffers.FRAGMENT + OVERHEAD - 1) / (TlsBuffers.FRAGMENT + OVERHEAD);
        return (int) Math.max(0, room - records * OVERHEAD);
    }

    /** Encrypts {@code length} bytes of {@code src} into the write queue (the caller checked they fit). */
    void write(MemorySegment src, long offset, int length) {
        stage(src, offset, length);
        endWrite();
    }

    /** As {@link #write(MemorySegment, long, int)} from a byte array. */
    void write(byte[] src, int offset, int length) {
        MemorySegment stage = buffers.stageSegment();
        while (length > 0) {
            int n = Math.min(length, TlsBuffers.FRAGMENT - staged);
            MemorySegment.copy(src, offset, stage, ValueLayout.JAVA_BYTE, staged, n);
            staged += n;
            offset += n;
            length -= n;
            if (staged == TlsBuffers.FRAGMENT) {
                wrapStaged();
            }
        }
        endWrite();
    }

    /** Encrypts every entry of {@code vec}, in order, as one stream of records. */
    void write(IoVec vec) {
        for (int i = 0; i < vec.count(); i++) {
            stage(vec.buffer(i), 0, (int) vec.length(i));
        }
        endWrite();
    }

    private void stage(MemorySegment src, long offset, int length) {
        MemorySegment stage = buffers.stageSegment();
        while (length > 0) {
            int n = Math.min(length, TlsBuffers.FRAGMENT - staged);
            MemorySegment.copy(src, offset, stage, staged, n);
            staged += n;
            offset += n;
            length -= n;
            if (staged == TlsBuffers.FRAGMENT) {
                wrapStaged();
            }
        }
    }

    private void endWrite() {
        if (staged > 0) {
            wrapStaged();
        }
    }

    private void wrapStaged() {
        ByteBuffer stage = buffers.stage().limit(staged).position(0);
        staged = 0;
        try {
            while (stage.hasRemaining()) {
                if (wrap(stage) <= 0) {
                    break;
                }
            }
        } catch (SSLException e) {
            failed(e);
        }
    }

    /** Wraps one record from {@code src} into the write queue: the bytes made (and consumed), or -1 once closed. */
    private int wrap(ByteBuffer src) throws SSLException {
        SSLEngineResult r = engine.wrap(src, buffers.out());
        int n = r.bytesProduced();
        if (n > 0) {
            if (!c.send().queueRecord(buffers.outSegment(), n)) {
                throw new SSLException("the write queue has no room for a " + n + "-byte TLS record: raise "
                        + "writeQueueBuffers or writeBuffers");
            }
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("a TLS record takes more than " + TlsBuffers.MAX_RECORD + " bytes");
        }
        return r.getStatus() != SSLEngineResult.Status.OK ? -1 : n + r.bytesConsumed();
    }

    // ================================================================ closing

    /** The connection closes gracefully: queue close_notify (once). */
    void closeOutbound() {
        if (outboundClosed) {
            return;
        }
        outboundClosed = true;
        engine.closeOutbound();
        try {
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                SSLEngineResult r = engine.wrap(EMPTY, buffers.out());
                if (r.bytesProduced() == 0 || !c.send().queueRecord(buffers.outSegment(), r.bytesProduced())) {
                    break;
                }
            }
        } catch (SSLException e) {
            LOG.log(System.Logger.Level.DEBUG, "close_notify of " + c + " not sent: " + e);
        }
    }

    /** The engine failed: send its alert if it has one, then close with the error. */
    private void failed(SSLException e) {
        if (failed) {
            return;
        }
        failed = true;
        LOG.log(System.Logger.Level.DEBUG, "TLS failed on " + c + ": " + e);
        closeOutbound();
        c.fail(e, true);
    }

    /** The fd is closed: a carry buffer goes back to the loop. */
    void closed() {
        if (carry != null) {
            buffers.giveCarry(carry);
            carry = null;
        }
    }
}

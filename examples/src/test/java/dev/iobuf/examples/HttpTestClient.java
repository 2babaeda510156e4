package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A blocking HTTP/1.1 client on a JDK socket that reads raw responses, for byte-exact checks. */
final class HttpTestClient implements AutoCloseable {
    static final String GET = "GET /plaintext HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\n\r\n";
    private static final Pattern DATE = Pattern.compile("\r\nDate: ([A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT)\r\n");
    private static final Pattern LENGTH = Pattern.compile("\r\nContent-Length: (\\d+)\r\n");
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    final Socket socket;
    final OutputStream out;
    private final InputStream in;

    HttpTestClient(int port) throws IOException {
        this(NetTestKit.jdkClient(port));
    }

    /** Over {@code socket}, connected (a TLS one too). */
    HttpTestClient(Socket socket) throws IOException {
        this.socket = socket;
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    void send(String requests) throws IOException {
        out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response (headers, then Content-Length bytes of body unless {@code head}); raw text. */
    String read(boolean head) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(256);
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection ended inside a response head after: "
                        + b.toString(StandardCharsets.ISO_8859_1));
            }
            b.write(c);
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
        }
        String headers = b.toString(StandardCharsets.ISO_8859_1);
        Matcher m = LENGTH.matcher(headers);
        assertThat(m.find()).as("Content-Length in %s", headers).isTrue();
        if (!head) {
            b.write(NetTestKit.readExactly(in, Integer.parseInt(m.group(1))));
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    String read() throws IOException {
        return read(false);
    }

    /** Whether the server closed the connection after what was read (the next read sees end of stream). */
    boolean endsNext() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** {@code response} with its Date value replaced by {@code <date>}, after checking it is an IMF-fixdate. */
    static String masked(String response) {
        Matcher m = DATE.matcher(response);
        assertThat(m.find()).as("a Date header in %s", response).isTrue();
        return response.substring(0, m.start(1)) + "<date>" + response.substring(m.end(1));
    }

    /** The Date header's instant. */
    static Instant date(String response) {
        Matcher m = DATE.matcher(response);
        assertThat(m.find()).as("a Date header in %s", response).isTrue();
        return ZonedDateTime.parse(m.group(1), IMF_FIXDATE).toInstant();
    }

    /** The exact response the server must send for {@code reply}, with the date masked. */
    static String expected(int reply) {
        return masked(new String(new PlaintextResponses(0).bytes(reply), StandardCharsets.ISO_8859_1));
    }
}

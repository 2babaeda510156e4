package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlaintextResponsesTest {
    private static final long T = 784_111_777_000L;       // Sun, 06 Nov 1994 08:49:37 GMT

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void theOkResponseIsTheTechEmpowerPlaintextShape() {
        PlaintextResponses r = new PlaintextResponses(T);
        assertThat(text(r.bytes(HttpReply.OK))).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "Server: iobuf\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 13\r\n"
                + "\r\n"
                + "Hello, World!");
    }

    @Test
    void variantsCarryTheirStatusConnectionHeaderAndBody() {
        PlaintextResponses r = new PlaintextResponses(T);
        String head = text(r.bytes(HttpReply.OK | HttpReply.HEAD | HttpReply.CLOSE));
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 13\r\nConnection: close\r\n\r\n")
                .endsWith("\r\n\r\n");
        assertThat(text(r.bytes(HttpReply.OK | HttpReply.KEEP_ALIVE))).contains("Connection: keep-alive\r\n")
                .endsWith("Hello, World!");
        assertThat(text(r.bytes(HttpReply.METHOD_NOT_ALLOWED | HttpReply.CLOSE)))
                .startsWith("HTTP/1.1 405 Method Not Allowed\r\n").contains("Allow: GET, HEAD\r\n")
                .endsWith("Content-Length: 19\r\nConnection: close\r\nAllow: GET, HEAD\r\n\r\nMethod Not Allowed\n");
        for (int status = 0; status < HttpReply.STATUSES; status++) {
            String s = text(r.bytes(status | HttpReply.CLOSE));
            String body = s.substring(s.indexOf("\r\n\r\n") + 4);
            assertThat(s).startsWith("HTTP/1.1 " + HttpReply.code(status) + " ")
                    .contains("Content-Length: " + body.length() + "\r\n");
        }
    }

    @Test
    void refreshRewritesTheDateOfEveryResponseInPlaceWithoutAllocating() throws Throwable {
        PlaintextResponses r = new PlaintextResponses(T);
        byte[] ok = r.bytes(HttpReply.OK);
        byte[] notFound = r.bytes(HttpReply.NOT_FOUND | HttpReply.HEAD);
        assertThat(r.refresh(T + 999)).as("same second").isFalse();
        assertThat(r.refresh(T + 1000)).isTrue();
        assertThat(r.bytes(HttpReply.OK)).as("the same array").isSameAs(ok);
        assertThat(text(ok)).contains("Date: Sun, 06 Nov 1994 08:49:38 GMT\r\n");
        assertThat(text(notFound)).contains("Date: Sun, 06 Nov 1994 08:49:38 GMT\r\n");
        assertThat(r.date()).isEqualTo("Sun, 06 Nov 1994 08:49:38 GMT");
        for (int i = 0; i < 20_000; i++) {
            r.refresh(T + i * 1000L);
        }
        long before = NetTestKit.threadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            r.refresh(T + i * 1000L);
        }
        assertThat(NetTestKit.threadAllocatedBytes() - before).as("bytes allocated by 10,000 date refreshes").isLessThan(256);
    }
}

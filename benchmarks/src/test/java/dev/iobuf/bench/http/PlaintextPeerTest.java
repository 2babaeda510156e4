package dev.iobuf.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The NIO peer's request counting and pre-built responses, and the Date format both peers use. */
class PlaintextPeerTest {
    private static final String GET = "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";

    private static ByteBuffer direct(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(b.length).put(b).flip();
    }

    @Test
    void countsPipelinedHeadsAndHeadsSplitAcrossReadsOnce() {
        String three = GET + GET + GET;
        RequestCounter whole = new RequestCounter();
        assertThat(whole.count(direct(three), 0, three.length())).isEqualTo(3);

        // every split point, including inside "\r\n\r\n"
        for (int cut = 0; cut <= three.length(); cut++) {
            RequestCounter c = new RequestCounter();
            int n = c.count(direct(three.substring(0, cut)), 0, cut)
                    + c.count(direct(three.substring(cut)), 0, three.length() - cut);
            assertThat(n).as("cut at %d", cut).isEqualTo(3);
        }
    }

    @Test
    void bareNewlinesAndLoneCarriageReturnsEndNoRequest() {
        String s = "GET / HTTP/1.1\n\n\r\r\n\r\r\n";
        assertThat(new RequestCounter().count(direct(s), 0, s.length())).isEqualTo(0);
        String t = "x\r\r\n\r\n";   // "\r" again after "\r" restarts the match: one head ends here
        assertThat(new RequestCounter().count(direct(t), 0, t.length())).isEqualTo(1);
    }

    @Test
    void dateIsImfFixdateWithTwoDigitDayAndChangesOncePerSecond() {
        HttpDate d = new HttpDate();
        long millis = Instant.parse("2026-11-03T04:05:06.250Z").toEpochMilli();
        assertThat(d.refresh(millis)).isTrue();
        assertThat(d.text()).isEqualTo("Tue, 03 Nov 2026 04:05:06 GMT").hasSize(HttpDate.LENGTH);
        assertThat(d.refresh(millis + 700)).isFalse();
        assertThat(d.refresh(millis + 750)).isTrue();
        assertThat(d.text()).isEqualTo("Tue, 03 Nov 2026 04:05:07 GMT");
    }

    @Test
    void responsesAreCompleteAndTheDateIsPatchedInEveryCopyAfterASlice() {
        PlaintextResponses r = new PlaintextResponses("nio");
        ByteBuffer two = r.slice(2, 0);   // leaves the shared buffer's limit at two responses
        assertThat(two.remaining()).isEqualTo(2 * r.length());

        r.refresh(Instant.parse("2030-01-02T03:04:05Z").toEpochMilli());   // must reach all copies
        ByteBuffer all = r.slice(PlaintextResponses.COPIES, 0);
        byte[] bytes = new byte[all.remaining()];
        all.get(bytes);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String one = text.substring(0, r.length());
        assertThat(one).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("\r\nContent-Length: 13\r\n", "\r\nContent-Type: text/plain\r\n", "\r\nServer: nio\r\n",
                        "\r\nDate: Wed, 02 Jan 2030 03:04:05 GMT\r\n")
                .endsWith("\r\n\r\nHello, World!");
        assertThat(text).isEqualTo(one.repeat(PlaintextResponses.COPIES));

        ByteBuffer rest = r.slice(1, 10);   // a response partly sent: the rest of it
        assertThat(rest.remaining()).isEqualTo(r.length() - 10);
    }
}

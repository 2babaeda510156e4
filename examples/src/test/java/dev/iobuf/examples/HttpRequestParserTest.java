package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request parser alone, fed from native segments the way receive buffers arrive, split every way. */
class HttpRequestParserTest {
    private static final String GET = "GET /plaintext HTTP/1.1\r\nHost: localhost:8080\r\nAccept: text/plain\r\n\r\n";
    private static final int OK = HttpReply.OK;

    /** Collects the answers; refuses after {@code capacity} of them (a full write queue). */
    private static final class Answers implements HttpRequestParser.Sink {
        final List<Integer> replies = new ArrayList<>();
        int capacity = Integer.MAX_VALUE;

        @Override
        public boolean reply(int reply) {
            replies.add(reply);
            return replies.size() < capacity;
        }
    }

    /** Feeds {@code input} in pieces cut at {@code cuts} (each piece in its own native buffer, at an offset). */
    private static List<Integer> feed(HttpRequestParser parser, String input, int... cuts) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        Answers answers = new Answers();
        try (Arena arena = Arena.ofConfined()) {
            int from = 0;
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : bytes.length;
                int offset = 7;                       // data does not start at the buffer's start
                MemorySegment buffer = arena.allocate(offset + (to - from) + 5);
                MemorySegment.copy(bytes, from, buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, offset, to - from);
                assertThat(parser.parse(buffer, offset, offset + (to - from), answers)).isEqualTo(offset + (to - from));
                from = to;
            }
        }
        return answers.replies;
    }

    private static List<Integer> feed(String input, int... cuts) {
        return feed(new HttpRequestParser(), input, cuts);
    }

    private static int only(String request) {
        List<Integer> r = feed(request);
        assertThat(r).as("answers to %s", request).hasSize(1);
        return r.getFirst();
    }

    @Test
    void aRequestInOneBufferIsAnsweredOnceWithoutCarryingAnything() {
        HttpRequestParser parser = new HttpRequestParser();
        assertThat(feed(parser, GET)).containsExactly(OK);
        assertThat(parser.carryCapacity()).as("no carry-over array until a head is split").isZero();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWhereverTheInputIsCut() {
        String input = GET + "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n" + "GET /other HTTP/1.1\r\nHost: a\r\n\r\n" + GET;
        List<Integer> expected = List.of(OK, OK | HttpReply.HEAD, HttpReply.NOT_FOUND, OK);
        assertThat(feed(input)).isEqualTo(expected);
        for (int cut = 1; cut < input.length(); cut++) {
            assertThat(feed(input, cut)).as("cut at %d", cut).isEqualTo(expected);
        }
        for (int a = 1; a < input.length(); a += 3) {
            for (int b = a + 1; b < input.length(); b += 5) {
                assertThat(feed(input, a, b)).as("cuts at %d, %d", a, b).isEqualTo(expected);
            }
        }
    }

    @Test
    void aRequestSplitByteByByteIsAnsweredOnce() {
        HttpRequestParser parser = new HttpRequestParser();
        String input = GET + GET;
        int[] cuts = new int[input.length() - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertThat(feed(parser, input, cuts)).containsExactly(OK, OK);
        assertThat(parser.carried()).isZero();
        assertThat(parser.carryCapacity()).as("carry array made once, small").isEqualTo(512);
    }

    @Test
    void theCarryArrayIsReusedNotReallocatedPerRequest() {
        HttpRequestParser parser = new HttpRequestParser();
        feed(parser, GET, 10);
        int capacity = parser.carryCapacity();
        for (int i = 0; i < 100; i++) {
            assertThat(feed(parser, GET + GET, 30, GET.length() + 7)).containsExactly(OK, OK);
        }
        assertThat(parser.carryCapacity()).isEqualTo(capacity);
    }

    @Test
    void methodsPathsAndVersionsGetTheirStatus() {
        assertThat(only("GET / HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(OK);
        assertThat(only("GET /plaintext?x=1 HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(OK);
        assertThat(only("GET http://example.com/plaintext HTTP/1.1\r\nHost: example.com\r\n\r\n")).isEqualTo(OK);
        assertThat(only("GET /plaintext2 HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(HttpReply.NOT_FOUND);
        assertThat(only("HEAD /plaintext HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(OK | HttpReply.HEAD);
        assertThat(only("POST / HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(HttpReply.METHOD_NOT_ALLOWED | HttpReply.CLOSE);
        assertThat(only("get / HTTP/1.1\r\nHost: a\r\n\r\n")).as("methods are case-sensitive")
                .isEqualTo(HttpReply.METHOD_NOT_ALLOWED | HttpReply.CLOSE);
        assertThat(only("GET / HTTP/2.0\r\nHost: a\r\n\r\n")).isEqualTo(HttpReply.VERSION_NOT_SUPPORTED | HttpReply.CLOSE);
        assertThat(only("GET / HTTP/1.0\r\n\r\n")).as("HTTP/1.0 closes by default").isEqualTo(OK | HttpReply.CLOSE);
        assertThat(only("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")).isEqualTo(OK | HttpReply.KEEP_ALIVE);
        assertThat(only("GET / HTTP/1.1\r\nHost: a\r\nConnection: foo, CLOSE\r\n\r\n")).isEqualTo(OK | HttpReply.CLOSE);
        assertThat(only("GET / HTTP/1.1\r\nhost: a\r\n\r\n")).as("header names in any case").isEqualTo(OK);
    }

    @Test
    void malformedRequestsGet400AndCloseAndTheRestIsIgnored() {
        int bad = HttpReply.BAD_REQUEST | HttpReply.CLOSE;
        for (String request : List.of(
                "GET / HTTP/1.1\r\n\r\n",                              // no Host
                "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",        // two Hosts
                "GET /\r\nHost: a\r\n\r\n",                            // no version
                "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",                  // empty target
                "GET / HTTP/1.1 \r\nHost: a\r\n\r\n",                  // junk after the version
                "GET / HTTQ/1.1\r\nHost: a\r\n\r\n",
                "GET x HTTP/1.1\r\nHost: a\r\n\r\n",                   // not origin-form
                "G(T / HTTP/1.1\r\nHost: a\r\n\r\n",                   // not a token
                "GET / HTTP/1.1\r\nHost a\r\n\r\n",                    // no colon
                "GET / HTTP/1.1\r\nHost : a\r\n\r\n",                  // space before the colon
                "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",        // obsolete line folding
                "GET / HTTP/1.1\r\nHost: a\nX: y\r\n\r\n",             // bare LF
                "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")) {
            assertThat(feed(request + GET)).as("%s", request).containsExactly(bad);
        }
        assertThat(feed("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + GET))
                .containsExactly(HttpReply.NOT_IMPLEMENTED | HttpReply.CLOSE);
    }

    @Test
    void aBodyAnnouncedWithContentLengthIsSkippedEvenAcrossBuffers() {
        String withBody = "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789";
        assertThat(feed(withBody + GET)).containsExactly(OK, OK);
        assertThat(feed(withBody + GET, withBody.length() - 4)).containsExactly(OK, OK);
        assertThat(feed(withBody + GET, withBody.length() - 10, withBody.length() - 9)).containsExactly(OK, OK);
    }

    @Test
    void emptyLinesBeforeARequestAreSkipped() {
        assertThat(feed("\r\n\r\n" + GET + "\r\n" + GET)).containsExactly(OK, OK);
    }

    @Test
    void aBareLfOrBareCrIsAnswered400AtOnceWhereverTheInputIsCut() {
        int bad = HttpReply.BAD_REQUEST | HttpReply.CLOSE;
        for (String input : List.of("GET / HTTP/1.1\nHost: a\n\n", "GET / HTTP/1.1\r\nHost: a\n\n",
                "GET / HTTP/1.1\r\nHost: a\r\n\n", "GET / HTTP/1.1\rHost: a\r\r", "\n", "GET / HTTP/1.1\r\r\n")) {
            assertThat(feed(input)).as("answers to %s", input.replace("\r", "\\r").replace("\n", "\\n")).containsExactly(bad);
            for (int cut = 1; cut < input.length(); cut++) {
                assertThat(feed(input, cut)).as("cut at %d", cut).containsExactly(bad);
            }
        }
        assertThat(feed(GET + "GET / HTTP/1.1\nHost: a\n\n" + GET)).as("answered in order, the rest ignored")
                .containsExactly(OK, bad);
    }

    @Test
    void aHeadIsInProgressFromItsFirstByteUntilItIsComplete() {
        HttpRequestParser parser = new HttpRequestParser();
        assertThat(parser.inHead()).isFalse();
        feed(parser, GET.substring(0, 1));
        assertThat(parser.inHead()).as("one byte of a head").isTrue();
        feed(parser, GET.substring(1));
        assertThat(parser.inHead()).as("the head completed").isFalse();
        feed(parser, "\r\n\r\n");
        assertThat(parser.inHead()).as("empty lines start a head: they cannot keep a connection alive forever").isTrue();
        feed(parser, GET);
        assertThat(parser.inHead()).isFalse();
    }

    @Test
    void aHeadOverTheLimitGets431WhetherInOneBufferOrCarried() {
        String huge = "GET / HTTP/1.1\r\nHost: a\r\nX: " + "y".repeat(200) + "\r\n\r\n";
        int tooLarge = HttpReply.HEAD_TOO_LARGE | HttpReply.CLOSE;
        assertThat(feed(new HttpRequestParser(128), huge)).containsExactly(tooLarge);
        assertThat(feed(new HttpRequestParser(128), huge, 50, 100)).containsExactly(tooLarge);
        assertThat(feed(new HttpRequestParser(128), huge.substring(0, 150))).as("no end in sight").containsExactly(tooLarge);
        assertThat(feed(new HttpRequestParser(256), huge, 50, 100)).as("fits under a larger limit").containsExactly(OK);
    }

    @Test
    void aRefusedAnswerStopsRightAfterItsRequestAndParsingResumesFromThere() {
        HttpRequestParser parser = new HttpRequestParser();
        byte[] bytes = (GET + GET + GET).getBytes(StandardCharsets.ISO_8859_1);
        Answers answers = new Answers();
        answers.capacity = 1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(bytes.length);
            MemorySegment.copy(bytes, 0, buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
            int stopped = parser.parse(buffer, 0, bytes.length, answers);
            assertThat(stopped).isEqualTo(GET.length());
            assertThat(answers.replies).containsExactly(OK);
            answers.capacity = Integer.MAX_VALUE;
            assertThat(parser.parse(buffer, stopped, bytes.length, answers)).isEqualTo(bytes.length);
            assertThat(answers.replies).containsExactly(OK, OK, OK);
        }
    }

    @Test
    void aHeadDifferingInAnyOneByteFromThePreviousOneGetsAFreshParsersAnswer() {
        String head = "GET /plaintext HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n";
        for (int i = 0; i < head.length(); i++) {
            for (char b : new char[] {'X', '\r', '\n', ' ', ':', '\t', '0', 'c'}) {
                if (head.charAt(i) == b) {
                    continue;
                }
                String changed = head.substring(0, i) + b + head.substring(i + 1);
                List<Integer> expected = new ArrayList<>(List.of(OK));
                expected.addAll(feed(changed + GET));
                HttpRequestParser parser = new HttpRequestParser();
                assertThat(feed(parser, head + changed + GET)).as("byte %d changed to %d", i, (int) b).isEqualTo(expected);
                HttpRequestParser carried = new HttpRequestParser();
                assertThat(feed(carried, head + changed + GET, head.length() + i / 2 + 1))
                        .as("byte %d changed to %d, cut", i, (int) b).isEqualTo(expected);
            }
        }
    }

    @Test
    void theWordAtATimeComparisonsMatchExactlyWhatTheByteComparisonsDid() {
        for (String name : new String[] {"Host", "host", "HOST", "hOsT"}) {
            assertThat(only("GET / HTTP/1.1\r\n" + name + ": a\r\n\r\n")).as(name).isEqualTo(OK);
        }
        for (String name : new String[] {"Hosu", "Ho\u0013t", "hosT\u0001", "Hos", "\u0008ost", "Xost"}) {
            assertThat(only("GET / HTTP/1.1\r\n" + name + ": a\r\n\r\n")).as("%s is not Host", name)
                    .isEqualTo(HttpReply.BAD_REQUEST | HttpReply.CLOSE);
        }
        for (String path : new String[] {"/plaintexT", "/Plaintext", "/plaintexx", "/plaintex", "/plaintext/", "xplaintext"}) {
            assertThat(only("GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n")).as(path)
                    .isIn(HttpReply.NOT_FOUND, HttpReply.BAD_REQUEST | HttpReply.CLOSE);
        }
        assertThat(only("GET /plaintext?x HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(OK);
        assertThat(only("GET / HTTP/1.0\r\n\r\n")).isEqualTo(OK | HttpReply.CLOSE);
        assertThat(only("GET / HTTP/1.9\r\nHost: a\r\n\r\n")).as("a later 1.x").isEqualTo(OK);
        assertThat(only("GET / HTTP/1.1 \r\nHost: a\r\n\r\n")).isEqualTo(HttpReply.BAD_REQUEST | HttpReply.CLOSE);
        assertThat(only("GET / http/1.1\r\nHost: a\r\n\r\n")).isEqualTo(HttpReply.BAD_REQUEST | HttpReply.CLOSE);
        assertThat(only("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(OK | HttpReply.HEAD);
        for (String method : new String[] {"GEt", "GETS", "HEAd", "HEADS", "GE"}) {
            assertThat(only(method + " / HTTP/1.1\r\nHost: a\r\n\r\n")).as(method)
                    .isEqualTo(HttpReply.METHOD_NOT_ALLOWED | HttpReply.CLOSE);
        }
        assertThat(only("GET / HTTP/1.1\r\nHost: a\r\nConnection: \t close \t\r\n\r\n")).as("a value's spaces")
                .isEqualTo(OK | HttpReply.CLOSE);
        assertThat(feed("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: \t3 \r\n\r\nabc" + GET)).containsExactly(OK, OK);
        assertThat(only("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3 x\r\n\r\n")).isEqualTo(HttpReply.BAD_REQUEST | HttpReply.CLOSE);
    }

    @Test
    void parsingAllocatesNothingPerRequestOnceWarm() throws Throwable {
        HttpRequestParser parser = new HttpRequestParser();
        byte[] batch = (GET.repeat(16)).getBytes(StandardCharsets.ISO_8859_1);
        int[] count = new int[1];
        HttpRequestParser.Sink sink = reply -> {
            count[0]++;
            return true;
        };
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(batch.length);
            MemorySegment.copy(batch, 0, buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, batch.length);
            int cut = 100;                               // every batch splits a head: the carry path too
            for (int i = 0; i < 20_000; i++) {
                parser.parse(buffer, 0, cut, sink);
                parser.parse(buffer, cut, batch.length, sink);
            }
            long best = Long.MAX_VALUE;
            int attempts = 0;
            for (; attempts < 3 && best > 0; attempts++) {
                long before = NetTestKit.threadAllocatedBytes();
                for (int i = 0; i < 10_000; i++) {
                    parser.parse(buffer, 0, cut, sink);
                    parser.parse(buffer, cut, batch.length, sink);
                }
                best = Math.min(best, NetTestKit.threadAllocatedBytes() - before);
            }
            assertThat(count[0]).isEqualTo(16 * 20_000 + 16 * 10_000 * attempts);
            assertThat(best).as("bytes allocated parsing 160,000 requests").isLessThan(256);
        }
    }
}

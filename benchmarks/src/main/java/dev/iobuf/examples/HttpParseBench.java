package dev.iobuf.examples;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The plaintext server's user-space work per request, without the network: {@link HttpRequestParser}
 * over a receive buffer holding what wrk sends (one request, or 16 pipelined as {@code pipeline.lua}
 * sends them), and the reply writer (each answer's bytes copied into a native write buffer, what
 * {@code Connection.write} does after its checks). Same package as the server because both classes are
 * its private parts. One operation = one request, so the scores compare across depths; {@code -prof gc}
 * must show 0 B/op.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar 'dev\.iobuf\.examples\.HttpParseBench\.' -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HttpParseBench {
    /** wrk 4.1's request to {@code bench-http.sh}'s ours (port 18081): 50 bytes. */
    static final String WRK_REQUEST = "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1:18081\r\n\r\n";
    /** Requests per write under {@code pipeline.lua}. */
    static final int DEPTH = 16;
    /** The receive buffers' size (the runtime's default provided buffers). */
    private static final int RECV_BUFFER = 8192;

    private Arena arena;
    MemorySegment single;
    int singleLength;
    MemorySegment pipelined;
    int pipelinedLength;
    MemorySegment varied;
    int variedLength;
    final HttpRequestParser parser = new HttpRequestParser();
    Counting counting;
    private Writing writing;

    /** Counts the answers (what the parser alone costs). */
    static final class Counting implements HttpRequestParser.Sink {
        long replies;

        @Override
        public boolean reply(int reply) {
            replies += reply + 1;
            return true;
        }
    }

    /** Copies each answer into a native write buffer, as the connection's write queue does. */
    static final class Writing implements HttpRequestParser.Sink {
        private final PlaintextResponses responses = new PlaintextResponses(System.currentTimeMillis());
        private final MemorySegment out;
        private long at;

        Writing(MemorySegment out) {
            this.out = out;
        }

        @Override
        public boolean reply(int reply) {
            byte[] bytes = responses.bytes(reply);
            if (at + bytes.length > out.byteSize()) {
                at = 0;
            }
            MemorySegment.copy(bytes, 0, out, ValueLayout.JAVA_BYTE, at, bytes.length);
            at += bytes.length;
            return true;
        }
    }

    /** Receive buffers as slices of one shared-arena slab, like the runtime's provided buffers. */
    @Setup
    public void setUp() {
        arena = Arena.ofShared();
        MemorySegment slab = arena.allocate(4L * RECV_BUFFER, 4096);
        byte[] one = WRK_REQUEST.getBytes(StandardCharsets.US_ASCII);
        single = slab.asSlice(0, RECV_BUFFER);
        MemorySegment.copy(one, 0, single, ValueLayout.JAVA_BYTE, 0, one.length);
        singleLength = one.length;
        pipelined = slab.asSlice(RECV_BUFFER, RECV_BUFFER);
        for (int i = 0; i < DEPTH; i++) {
            MemorySegment.copy(one, 0, pipelined, ValueLayout.JAVA_BYTE, (long) i * one.length, one.length);
        }
        pipelinedLength = DEPTH * one.length;
        // two heads in turn, as different clients' heads would be
        byte[] other = WRK_REQUEST.replace("18081", "18082").getBytes(StandardCharsets.US_ASCII);
        varied = slab.asSlice(3L * RECV_BUFFER, RECV_BUFFER);
        for (int i = 0; i < DEPTH; i++) {
            MemorySegment.copy(i % 2 == 0 ? one : other, 0, varied, ValueLayout.JAVA_BYTE, (long) i * one.length, one.length);
        }
        variedLength = DEPTH * one.length;
        counting = new Counting();
        writing = new Writing(slab.asSlice(2L * RECV_BUFFER, RECV_BUFFER));
        if (parser.parse(pipelined, 0, pipelinedLength, counting) != pipelinedLength || counting.replies != DEPTH) {
            throw new IllegalStateException("the captured requests did not parse as " + DEPTH + " 200 answers");
        }
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    /** One request per receive: the parser alone. */
    @Benchmark
    public long parseSingle() {
        parser.parse(single, 0, singleLength, counting);
        return counting.replies;
    }

    /** 16 requests per receive: the parser alone. */
    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public long parsePipelined() {
        parser.parse(pipelined, 0, pipelinedLength, counting);
        return counting.replies;
    }

    /** 16 requests per receive, two different heads in turn (the parser alone). */
    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public long parseVaried() {
        parser.parse(varied, 0, variedLength, counting);
        return counting.replies;
    }

    /** One request per receive, parsed and answered into the write buffer. */
    @Benchmark
    public int answerSingle() {
        return parser.parse(single, 0, singleLength, writing);
    }

    /** 16 requests per receive, parsed and answered into the write buffer. */
    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int answerPipelined() {
        return parser.parse(pipelined, 0, pipelinedLength, writing);
    }
}

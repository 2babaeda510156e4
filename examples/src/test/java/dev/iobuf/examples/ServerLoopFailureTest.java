package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.net.Connection;
import dev.iobuf.uring.net.ConnectionHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server whose event loop fails (a bug) stops and exits 1 with the cause, instead of running on half dead. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerLoopFailureTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) ");

    /** Echoes, and fails its loop on an 'X' (a VirtualMachineError from a handler ends the loop). */
    private static final class Buggy implements ConnectionHandler {
        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            if (buffer.get(ValueLayout.JAVA_BYTE, offset) == 'X') {
                throw new StackOverflowError("simulated bug");
            }
            c.write(buffer, offset, length);
        }
    }

    @Test
    void aFailedLoopStopsTheServerWithExitCode1AndTheCause() throws Exception {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> NetServer.main("Buggy", "Buggy [options]",
                0, (group, options) -> new Buggy(), new String[] {"--host", "127.0.0.1", "--port", "0", "--loops", "1"},
                out, err));
        int port = -1;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); port < 0 && System.nanoTime() < end; ) {
            Matcher m = LISTENING.matcher(outBytes.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            } else {
                Thread.sleep(20);
            }
        }
        assertThat(port).as("listening: %s %s", outBytes, errBytes).isPositive();
        try (Socket s = NetTestKit.jdkClient(port)) {
            s.getOutputStream().write('a');
            assertThat(s.getInputStream().read()).isEqualTo('a');
            s.getOutputStream().write('X');
            assertThat(s.getInputStream().read()).as("the failed loop closed the connection").isEqualTo(-1);
        }
        assertThat(exit.get(20, TimeUnit.SECONDS)).as("exit code; out: %s err: %s", outBytes, errBytes).isEqualTo(1);
        String stderr = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(stderr).startsWith("Buggy: event loop 0 failed: java.lang.StackOverflowError: simulated bug")
                .contains("stopped instead of running on");
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("Buggy: event loop failure, shutting down")
                .contains("Buggy stopped: clean=true");
    }
}

package dev.iobuf.examples;

import static dev.iobuf.examples.ToolTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VirtualThreadReader: many virtual threads read a real file; its errors are one line. */
class VirtualThreadReaderTest {
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        assumeIoUring();
        dir = workDir("vtreader-");
    }

    @AfterEach
    void tearDown() throws IOException {
        deleteTree(dir);
    }

    @Test
    void thousandsOfVirtualThreadsRead() throws IOException {
        Path file = randomFile(dir.resolve("data"), 4L << 20, 3);
        Run r = run(VirtualThreadReader::run, file.toString(), "--threads", "2000", "--reads", "5");
        assertThat(r.code()).as("exit code; err=%s", r.err()).isZero();
        assertThat(r.out()).contains("2000 virtual threads x 5 reads of 4096 B", "10000 reads in ", "opsInUse=0",
                "copyBuffersInUse=0");
    }

    @Test
    void aFileSmallerThanOneBlockIsOneLine() throws IOException {
        Path tiny = randomFile(dir.resolve("tiny"), 100, 4);
        Run r = run(VirtualThreadReader::run, tiny.toString()).failedWithOneLine(1, "VirtualThreadReader");
        assertThat(r.err()).contains("less than one 4096-byte block");
    }
}

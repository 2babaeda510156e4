package dev.iobuf.uring.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.IoUringBlockedException;
import dev.iobuf.uring.IoUringUnavailableException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/** A loud skip when io_uring is not usable, and the end-of-test leak checks. */
final class FileIoTestSupport {
    private FileIoTestSupport() {
    }

    /** Builds the service, or skips the test loudly when this machine cannot run io_uring. */
    static FileIo service(Supplier<FileIo> build) {
        try {
            return build.get();
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring is not usable here, skipping: " + e.getMessage());
            throw e;
        }
    }

    static FileIo service() {
        return service(FileIo::create);
    }

    /** Every file closed, every slot and buffer back. */
    static void assertNothingInUse(FileIo io) {
        FileIoStats s = io.stats();
        assertThat(s.openFiles()).as("open files").isZero();
        assertThat(s.opsInUse()).as("op slots in use").isZero();
        assertThat(s.copyBuffersInUse()).as("copy buffers in use").isZero();
        assertThat(s.fileSlotsInUse()).as("registered file slots in use").isZero();
        assertThat(s.stranded()).as("stranded ops").isZero();
    }
}

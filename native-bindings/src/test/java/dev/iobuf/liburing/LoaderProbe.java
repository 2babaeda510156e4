package dev.iobuf.liburing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run in a child JVM by {@link LibUringLoadingTest}: reports when liburing gets mapped and what callers see. */
public final class LoaderProbe {

    private LoaderProbe() {
    }

    public static void main(String[] args) throws IOException {
        // Touch constants, layouts and struct accessors: none of this may load liburing.
        int nop = LibUring.IORING_OP_NOP() + LibUring.IORING_SETUP_SQPOLL();
        long size = io_uring_sqe.sizeof() + io_uring.layout().byteSize() + LibUring.C_INT.byteSize();
        System.out.println("touched=" + (nop + size));
        System.out.println("mapped-after-constants=" + liburingMapped());
        System.out.println("available=" + LibUringLibrary.isAvailable());
        for (int i = 0; i < 2; i++) {
            try {
                LibUringLibrary.requireAvailable(); // the protocol: ask the loader before LibUringFunctions
                MemorySegmentHolder.free(LibUringFunctions.io_uring_get_probe());
                System.out.println("call" + i + "=ok");
            } catch (RuntimeException e) {
                System.out.println("call" + i + "=" + e.getClass().getName() + ": " + e.getMessage().replace('\n', ' '));
            }
        }
        System.out.println("mapped-after-call=" + liburingMapped());
    }

    private static boolean liburingMapped() throws IOException {
        return Files.readString(Path.of("/proc/self/maps")).contains("liburing.so");
    }

    private static final class MemorySegmentHolder {
        static void free(java.lang.foreign.MemorySegment probe) {
            if (probe.address() != 0) {
                LibUringFunctions.io_uring_free_probe(probe);
            }
        }
    }
}

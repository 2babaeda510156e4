package dev.iobuf.uring;

import dev.iobuf.uring.file.FileIo;
import dev.iobuf.uring.file.UringFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Child JVM of {@link FileIoFallbackTest}, run where io_uring is refused (RLIMIT_MEMLOCK too low for the
 * file service's registered buffers): prints {@code AUTO transport=..}, a write/read round trip on the
 * AUTO service, {@code IO_URING refused=<exception class>}, then {@code DONE}. The JDK's logger writes the
 * INFO line to the same output.
 */
public final class FileIoFallbackProbe {
    private FileIoFallbackProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("fallback", ".dat");
        try (FileIo io = FileIo.create(); FileIo second = FileIo.create()) {
            System.out.println("AUTO transport=" + io.transport() + " second=" + second.transport());
            MemorySegment data = Arena.ofAuto().allocate(8192);
            data.fill((byte) 7);
            try (UringFile f = io.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                int w = f.write(data, 100);
                MemorySegment back = Arena.ofAuto().allocate(8192);
                int r = f.read(back, 100);
                byte[] a = data.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                byte[] b = back.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                System.out.println("ROUNDTRIP write=" + w + " read=" + r + " equal=" + Arrays.equals(a, b)
                        + " size=" + f.size());
            }
            System.out.println("COUNTERS " + io.stats());
        }
        try (FileIo io = FileIo.builder().transport(Transport.IO_URING).build()) {
            System.out.println("IO_URING transport=" + io.transport());
        } catch (UringException e) {
            System.out.println("IO_URING refused=" + e.getClass().getSimpleName());
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.println("DONE");
    }
}

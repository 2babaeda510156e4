package dev.iobuf.uring.file;

import static dev.iobuf.uring.file.FileIoTestSupport.assertNothingInUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pool whose buffer the kernel may be using refuses to close (issue 9's leases), registered or not. */
class PoolLeaseTest {
    @TempDir
    Path dir;

    @Test
    void aPoolCannotCloseUnderAnOperationInTheKernel() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        for (boolean registered : new boolean[] {true, false}) {
            BufferPool pool = BufferPool.of(BufferTier.SMALL, 2);
            FileIo io = FileIoTestSupport.service(() -> registered ? FileIo.builder().registerPool(pool).build()
                    : FileIo.create());
            UringFile f = io.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // a registered pool is leased by its registration for as long as the service lives
            long idle = pool.leaseCount();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    f.read(pool, 0, 0, 100, 0);   // a FIFO nobody writes: stays in the kernel
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            while (pool.leaseCount() == idle) {
                Thread.sleep(1);
            }
            assertThatThrownBy(pool::close).as("registered=" + registered).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the kernel may still use its memory");
            assertThat(pool.isClosed()).isFalse();
            reader.interrupt();
            reader.join();
            assertThat(thrown.get()).isInstanceOf(ClosedByInterruptException.class);
            assertThat(pool.leaseCount()).as("the op's lease is given back with its completion").isEqualTo(idle);
            assertNothingInUse(io);
            io.close();
            pool.close();
            assertThat(pool.isClosed()).isTrue();
        }
    }

    @Test
    void everyLeaseIsGivenBackAfterWork() throws Exception {
        Path p = dir.resolve("data");
        Files.write(p, UringFileTest.random(8192, 1));
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 4);
             FileIo io = FileIoTestSupport.service(() -> FileIo.builder().registerPool(pool).build())) {
            long registration = pool.leaseCount();     // the registrations' own, until the service closes
            long bounceRegistration = io.bounce().leaseCount();
            try (UringFile f = io.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                for (int i = 0; i < 100; i++) {
                    f.read(pool, i % 4, 0, 2048, i * 10L);
                    f.write(pool, i % 4, 0, 100, 8000);
                    f.read(pool.value(1).asSlice(0, 10), 0);
                }
            }
            assertThat(pool.leaseCount()).isEqualTo(registration);
            assertThat(io.bounce().leaseCount()).isEqualTo(bounceRegistration);
            assertNothingInUse(io);
        }
    }
}

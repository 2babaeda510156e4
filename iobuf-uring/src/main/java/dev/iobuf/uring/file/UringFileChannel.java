package dev.iobuf.uring.file;

import dev.iobuf.BufferPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link FileChannel} whose reads and writes go through io_uring ({@link UringFile}): code written for
 * {@code FileChannel} works unchanged, and on a virtual thread a read parks instead of pinning a carrier.
 *
 * <p>Relative reads and writes share one position under a lock, like the JDK's. {@code transferTo} and
 * {@code transferFrom} go through the service's registered buffers. {@link #map} and {@link #lock}
 * delegate to a JDK {@code FileChannel} opened on the same path with the same access, on first use:
 * locks are POSIX record locks of the process on the file, so they exclude other processes exactly as
 * the JDK's do; note that (as with any POSIX lock) they would be lost if the path were replaced.
 * Interrupting a blocked caller cancels its operation and closes the channel
 * ({@link ClosedByInterruptException}).
 */
public final class UringFileChannel extends FileChannel {
    private final UringFile file;
    private final ReentrantLock positionLock = new ReentrantLock();
    private final Object jdkLock = new Object();
    private long position;
    private FileChannel jdk;

    UringFileChannel(UringFile file) throws IOException {
        this.file = file;
        this.position = file.isAppend() ? file.size() : 0;
    }

    /** Opens {@code path} on {@code io} with {@code FileChannel.open}'s options (plus {@link UringOpenOption}s). */
    public static UringFileChannel open(FileIo io, Path path, OpenOption... options) throws IOException {
        return io.open(path, options).channel();
    }

    /** As {@link #open(FileIo, Path, OpenOption...)}. */
    public static UringFileChannel open(FileIo io, Path path, Set<? extends OpenOption> options) throws IOException {
        return io.open(path, options).channel();
    }

    /** The io_uring file under this channel. */
    public UringFile file() {
        return file;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        positionLock.lock();
        try {
            int n = interruptible(f -> file.read(dst, position));
            if (n > 0) {
                position += n;
            }
            return n;
        } finally {
            positionLock.unlock();
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        ensureOpen();
        positionLock.lock();
        try {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                int want = dsts[i].remaining();
                if (want == 0) {
                    continue;
                }
                int n = read(dsts[i]);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
                if (n < want) {
                    break;
                }
            }
            return total;
        } finally {
            positionLock.unlock();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ensureOpen();
        positionLock.lock();
        try {
            if (file.isAppend()) {
                position = interruptible(UringFile::size);
            }
            int n = interruptible(f -> file.write(src, position));
            position += n;
            return n;
        } finally {
            positionLock.unlock();
        }
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        ensureOpen();
        positionLock.lock();
        try {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
            return total;
        } finally {
            positionLock.unlock();
        }
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        positionLock.lock();
        try {
            return file.isAppend() ? interruptible(UringFile::size) : position;
        } finally {
            positionLock.unlock();
        }
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        ensureOpen();
        positionLock.lock();
        try {
            position = newPosition;
            return this;
        } finally {
            positionLock.unlock();
        }
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return interruptible(UringFile::size);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        ensureOpen();
        if (!file.isWritable()) {
            throw new NonWritableChannelException();
        }
        positionLock.lock();
        try {
            if (size < interruptible(UringFile::size)) {
                interruptible(f -> {
                    file.truncate(size);
                    return 0;
                });
            }
            if (position > size) {
                position = size;
            }
            return this;
        } finally {
            positionLock.unlock();
        }
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ensureOpen();
        interruptible(f -> {
            file.force(metaData);
            return 0;
        });
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        checkTransfer(position, count, target);
        if (!file.isReadable()) {
            throw new NonReadableChannelException();
        }
        BufferPool pool = file.io.bounce();
        int b = copyBuffer(pool);
        try {
            ByteBuffer bb = pool.byteBuffer(b);
            long done = 0;
            while (done < count) {
                int want = (int) Math.min(count - done, pool.bufferSize());
                long at = position + done;
                int n = interruptible(f -> file.read(pool, b, 0, want, at));
                if (n <= 0) {
                    break;
                }
                bb.clear().limit(n);
                while (bb.hasRemaining()) {
                    target.write(bb);
                }
                done += n;
                if (n < want) {
                    break;
                }
            }
            return done;
        } finally {
            file.io.giveCopyBuffer(b);
        }
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        checkTransfer(position, count, src);
        if (!file.isWritable()) {
            throw new NonWritableChannelException();
        }
        BufferPool pool = file.io.bounce();
        int b = copyBuffer(pool);
        try {
            ByteBuffer bb = pool.byteBuffer(b);
            long done = 0;
            while (done < count) {
                bb.clear().limit((int) Math.min(count - done, pool.bufferSize()));
                int n = src.read(bb);
                if (n <= 0) {
                    break;
                }
                long at = position + done;
                interruptible(f -> file.write(pool, b, 0, n, at));
                done += n;
            }
            return done;
        } finally {
            file.io.giveCopyBuffer(b);
        }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        ensureOpen();
        return interruptible(f -> file.read(dst, position));
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        ensureOpen();
        return interruptible(f -> file.write(src, position));
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return jdk().map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return jdk().lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return jdk().tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        try {
            file.close();
        } finally {
            synchronized (jdkLock) {
                if (jdk != null) {
                    jdk.close();
                }
            }
        }
    }

    /** The JDK channel for map and lock, opened on first use with this file's access. */
    private FileChannel jdk() throws IOException {
        ensureOpen();
        synchronized (jdkLock) {
            if (jdk == null) {
                Set<StandardOpenOption> options = EnumSet.noneOf(StandardOpenOption.class);
                if (file.isReadable()) {
                    options.add(StandardOpenOption.READ);
                }
                if (file.isWritable()) {
                    options.add(StandardOpenOption.WRITE);
                }
                jdk = FileChannel.open(file.path(), options);
            }
            return jdk;
        }
    }

    private int copyBuffer(BufferPool pool) throws IOException {
        try {
            return file.io.takeCopyBuffer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ClosedByInterruptException();
        } catch (IllegalStateException e) {
            throw new ClosedChannelException();
        }
    }

    private void checkTransfer(long position, long count, Object channel) throws IOException {
        Objects.requireNonNull(channel, "channel");
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException("negative position or count: " + position + ", " + count);
        }
        ensureOpen();
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    /** A call that may be interrupted: the file closed itself then; the channel follows. */
    private <T> T interruptible(UringFile.FileCall<T> call) throws IOException {
        try {
            return call.call(file);
        } catch (ClosedByInterruptException e) {
            close();
            throw e;
        }
    }
}

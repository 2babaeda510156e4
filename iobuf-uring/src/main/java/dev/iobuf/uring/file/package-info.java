/**
 * File I/O through io_uring for any thread, virtual threads first: {@link dev.iobuf.uring.file.FileIo}
 * (the service owning the rings), {@link dev.iobuf.uring.file.UringFile} (blocking positional reads and
 * writes of segments, ByteBuffers and pool buffers, vectored I/O, force, allocate, truncate),
 * {@link dev.iobuf.uring.file.FileBatch batches} and a {@link java.nio.channels.FileChannel} view
 * ({@link dev.iobuf.uring.file.UringFileChannel}). Slow reads and writes are JFR events
 * ({@code dev.iobuf.FileRead}, {@code dev.iobuf.FileWrite}), since the JDK's own file events never fire
 * for io_uring.
 */
package dev.iobuf.uring.file;

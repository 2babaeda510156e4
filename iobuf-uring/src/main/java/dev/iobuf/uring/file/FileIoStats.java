package dev.iobuf.uring.file;

/**
 * A snapshot of a {@link FileIo}'s counters. After every file is closed and every call returned,
 * {@code openFiles}, {@code opsInUse}, {@code copyBuffersInUse} and {@code fileSlotsInUse} are 0.
 *
 * @param openFiles files opened and not closed
 * @param opsInUse operation slots taken (queued, in the kernel, or with a caller reading the result)
 * @param copyBuffersInUse the service's copy buffers in use
 * @param fileSlotsInUse registered file slots in use
 * @param queueFullWaits calls that found every operation slot taken and waited
 * @param enters io_uring_enter calls made by the ring threads
 * @param unparks wake-ups of a parked ring thread
 * @param eventfdWrites wake-ups of a ring thread blocked in the kernel
 * @param stranded operations the kernel had not completed when the service closed (memory kept)
 * @param cachedReads reads the page cache served on the caller's thread, without the ring
 */
public record FileIoStats(long openFiles, long opsInUse, long copyBuffersInUse, long fileSlotsInUse,
                          long queueFullWaits, long enters, long unparks, long eventfdWrites, long stranded, long cachedReads) {
}

package dev.iobuf.uring;

import java.lang.foreign.MemorySegment;

/**
 * The operand checks of fixed I/O ({@link RegisteredBuffers}' {@code prep*} methods): a refusal gives
 * the SQE's unprepared slot back ({@link Sqe#refused}), so a bad argument never leaves a stray SQE.
 */
final class FixedIoOperands {
    private FixedIoOperands() {
    }

    /** The address of {@code len} bytes at {@code bufferOffset} in {@code buffers}' slot {@code slot}. */
    static long address(Sqe sqe, RegisteredBuffers buffers, int slot, long bufferOffset, int len) {
        try {
            MemorySegment b = buffers.buffer(slot);
            if (bufferOffset < 0 || len < 0 || bufferOffset > b.byteSize() - len) {
                throw new IndexOutOfBoundsException(len + " bytes at offset " + bufferOffset + " do not fit in registered "
                        + "buffer " + slot + " of " + b.byteSize() + " bytes");
            }
            return b.address() + bufferOffset;
        } catch (RuntimeException e) {
            throw sqe.refused(e);
        }
    }

    /** {@code fileSlot} after checking it against {@code files}. */
    static int fileSlot(Sqe sqe, RegisteredFiles files, int fileSlot) {
        try {
            return files.checkedSlot(fileSlot);
        } catch (RuntimeException e) {
            throw sqe.refused(e);
        }
    }
}

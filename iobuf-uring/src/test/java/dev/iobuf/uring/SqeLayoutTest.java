package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.liburing.__kernel_timespec;
import dev.iobuf.liburing.io_uring_cqe;
import dev.iobuf.liburing.io_uring_sqe;
import org.junit.jupiter.api.Test;

/**
 * What {@link Sqe}'s whole-entry writes assume about {@code struct io_uring_sqe} beyond the offsets it reads
 * from the generated layout: which fields share each 8-byte store, and that those stores cover all 64 bytes.
 * The C layout itself is checked against gcc by native-bindings' LayoutConformanceTest.
 */
class SqeLayoutTest {

    @Test
    void offsetsAreTheGeneratedLayouts() {
        assertThat(Sqe.OPCODE).isEqualTo(io_uring_sqe.opcode$offset());
        assertThat(Sqe.FD).isEqualTo(io_uring_sqe.fd$offset());
        assertThat(Sqe.OP_FLAGS).isEqualTo(io_uring_sqe.timeout_flags$offset())
                .isEqualTo(io_uring_sqe.open_flags$offset()).isEqualTo(io_uring_sqe.msg_flags$offset());
        assertThat(Sqe.BUF_INDEX).isEqualTo(io_uring_sqe.buf_group$offset());
        assertThat(Sqe.FILE_INDEX).isEqualTo(io_uring_sqe.splice_fd_in$offset());
        assertThat(Sqe.TIMESPEC_BYTES).isEqualTo(__kernel_timespec.sizeof());
        assertThat(RingMemory.cqeSize(0)).isEqualTo(io_uring_cqe.sizeof());
    }

    @Test
    void theEightByteStoresCoverTheWholeEntry() {
        // word 1: opcode, flags, ioprio, fd
        assertThat(Sqe.OPCODE % 8).isZero();
        assertThat(Sqe.FLAGS).isEqualTo(Sqe.OPCODE + 1);
        assertThat(Sqe.IOPRIO).isEqualTo(Sqe.OPCODE + 2);
        assertThat(Sqe.FD).isEqualTo(Sqe.OPCODE + 4);
        // len and the op flags word
        assertThat(Sqe.OP_FLAGS).isEqualTo(Sqe.LEN + 4);
        // buf_index, personality, file_index
        assertThat(Sqe.PERSONALITY).isEqualTo(Sqe.BUF_INDEX + 2);
        assertThat(Sqe.FILE_INDEX).isEqualTo(Sqe.BUF_INDEX + 4);
        long[] words = {Sqe.OPCODE, Sqe.OFF, Sqe.ADDR, Sqe.LEN, Sqe.USER_DATA, Sqe.BUF_INDEX, Sqe.ADDR3, Sqe.PAD2};
        long covered = 0;
        for (long w : words) {
            assertThat(w % 8).as("word at %d is aligned", w).isZero();
            covered |= 0xFFL << w;  // one bit per byte
        }
        assertThat(covered).as("every byte of the 64-byte entry is written").isEqualTo(-1L);
        assertThat(io_uring_sqe.sizeof()).isEqualTo(64);
    }
}

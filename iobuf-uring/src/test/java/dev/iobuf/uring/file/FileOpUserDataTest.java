package dev.iobuf.uring.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UserData;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * The file API encodes user_data with the library's one codec ({@link UserData}): an op's SQEs decode to
 * its slot, generation and part, never fall in the ring's reserved range (0xFFFE resource tags, 0xFFFF
 * close's cancel and wake-ups), and never equal the file ring's own WAKE and CANCEL values.
 */
class FileOpUserDataTest {
    private static final int[] INDEXES = {0, 1, 4095, FileIoBuilder.MAX_QUEUE_DEPTH - 1};

    @Test
    void userDataDecodesToSlotGenerationAndPart() {
        for (int index : INDEXES) {
            FileOp op = new FileOp(index, MemorySegment.NULL);
            for (int round = 0; round < 3; round++) {
                op.reset(FileOp.READ, null);
                for (int part : new int[] {FileOp.MAIN_PART, FileOp.FSYNC_PART}) {
                    long userData = op.userData(part);
                    String what = "user_data 0x" + Long.toHexString(userData) + " (slot " + index + ", part " + part + ")";
                    assertThat(UserData.op(userData)).as(what).isEqualTo(FileOp.USER_DATA_OP).isLessThan(UserData.RESOURCE_TAG);
                    assertThat(UserData.slot(userData)).as(what).isEqualTo(index);
                    assertThat(UserData.aux(userData)).as(what).isEqualTo(part);
                    assertThat(UserData.generation(userData)).as(what).isEqualTo(op.generation).isNotZero();
                    assertThat(userData).as(what).isNotNegative()
                            .isNotEqualTo(Ring.CANCEL_ALL_USER_DATA).isNotEqualTo(Ring.WAKEUP_USER_DATA)
                            .isNotEqualTo(FileRing.WAKE).isNotEqualTo(FileRing.CANCEL);
                }
            }
        }
    }

    @Test
    void aReusedSlotGetsANewGenerationEvenWhenItWraps() {
        FileOp op = new FileOp(7, MemorySegment.NULL);
        op.reset(FileOp.READ, null);
        long first = op.userData(FileOp.MAIN_PART);
        op.reset(FileOp.READ, null);
        assertThat(op.userData(FileOp.MAIN_PART)).as("the same slot after a reset").isNotEqualTo(first);
        op.generation = UserData.GENERATION_MASK;
        op.reset(FileOp.READ, null);
        assertThat(op.generation).as("the generation after the largest wraps past 0").isEqualTo(1);
    }
}

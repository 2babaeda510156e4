package dev.iobuf.uring.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UserData;
import org.junit.jupiter.api.Test;

/**
 * The file API's user_data never falls in the ring's reserved range (top 16 bits 0xFFFE: resource tags,
 * 0xFFFF: close's cancel and wake-ups), nor on its own WAKE and CANCEL bits, whatever the generation.
 */
class FileOpUserDataTest {
    private static final int[] GENERATIONS = {0, 1, 0x0FFF_FFFF, 0x1000_0000, 0x7FFF_FFFF, -1, -2, Integer.MIN_VALUE};
    private static final int[] INDEXES = {0, 1, 4095, 0x3FFF_FFFF};

    @Test
    void userDataStaysOutOfTheReservedRange() {
        for (int generation : GENERATIONS) {
            for (int index : INDEXES) {
                for (long userData : new long[] {FileOp.userData(generation, index),
                        FileOp.userData(generation, index) | 1}) {
                    String what = "user_data 0x" + Long.toHexString(userData) + " (generation " + generation
                            + ", slot " + index + ")";
                    assertThat(UserData.op(userData)).as(what).isLessThan(UserData.RESOURCE_TAG);
                    assertThat(userData).as(what).isNotEqualTo(Ring.CANCEL_ALL_USER_DATA)
                            .isNotEqualTo(Ring.WAKEUP_USER_DATA);
                    assertThat(userData & (FileRing.WAKE | FileRing.CANCEL)).as(what).isZero();
                    assertThat(userData).as(what).isNotNegative();
                }
            }
        }
    }

    @Test
    void userDataKeepsTheSlotAndTellsGenerationsApart() {
        for (int index : INDEXES) {
            long userData = FileOp.userData(0x0ABC_DEF1, index);
            assertThat((int) ((userData >>> 1) & 0x7FFF_FFFF)).as("slot decoded from user_data").isEqualTo(index);
            assertThat(FileOp.userData(7, index)).as("generations 7 and 8 of slot " + index)
                    .isNotEqualTo(FileOp.userData(8, index));
        }
    }
}

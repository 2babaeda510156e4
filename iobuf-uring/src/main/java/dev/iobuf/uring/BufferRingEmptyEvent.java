package dev.iobuf.uring;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code dev.iobuf.BufferRingEmpty}: a completion found its provided-buffer ring empty
 * ({@code -ENOBUFS}); the op got no data and must be armed again once buffers are returned. Frequent
 * ones mean the group is too small for the receives in flight. No stack trace: it fires on the loop's
 * completion path.
 */
@Name("dev.iobuf.BufferRingEmpty")
@Label("Buffer Ring Empty")
@Category({"iobuf", "io_uring"})
@Description("A buffer-select completion found the provided-buffer ring empty (ENOBUFS)")
@StackTrace(false)
final class BufferRingEmptyEvent extends Event {
    private static final BufferRingEmptyEvent PROBE = new BufferRingEmptyEvent();

    @Label("Group Id")
    int groupId;

    @Label("Buffers")
    int buffers;

    @Label("Buffer Size")
    @DataAmount
    int bufferSize;

    @Label("Empty Completions")
    @Description("ENOBUFS completions of this group so far, this one included")
    long total;

    /** Records one ENOBUFS completion of a group when a recording wants it. */
    static void record(int groupId, int buffers, int bufferSize, long total) {
        if (!PROBE.isEnabled()) {
            return;
        }
        BufferRingEmptyEvent e = new BufferRingEmptyEvent();
        if (e.shouldCommit()) {
            e.groupId = groupId;
            e.buffers = buffers;
            e.bufferSize = bufferSize;
            e.total = total;
            e.commit();
        }
    }
}

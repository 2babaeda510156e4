package dev.iobuf.uring;

/**
 * A registered table ({@link RegisteredBuffers}, {@link RegisteredFiles}) whose slots carry resource
 * tags, as {@link ResourceTags} sees it: it learns, through {@link #tagReleased}, that the kernel
 * let go of what a slot held under a given tag.
 */
interface ResourceTagTable {
    /**
     * The kernel posted the CQE of {@code tag} (one this table put on a slot): it no longer uses
     * what the slot held under that tag. Called on the reaping thread.
     */
    void tagReleased(long tag);

    /** Tags handed to the kernel whose CQE has not been seen yet; the table id is reusable at 0 after close. */
    int pendingReleases();

    /**
     * Releases the slots that held {@code liveTags} (0 = empty slot) as if their CQEs had come: for a table
     * just unregistered on a kernel that posts no tags for that ({@link ResourceTags#unregisterPostsTags()}).
     */
    static void releaseUntagged(long[] liveTags, ResourceTagTable table) {
        for (long tag : liveTags) {
            if (tag != 0) {
                table.tagReleased(tag);
            }
        }
    }
}

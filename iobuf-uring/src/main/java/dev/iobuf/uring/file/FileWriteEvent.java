package dev.iobuf.uring.file;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Threshold;

/**
 * JFR event {@code dev.iobuf.FileWrite}, the io_uring twin of {@code jdk.FileWrite}: one write, writev or
 * write+fsync of a {@link UringFile} that took at least the threshold (20 ms by default,
 * {@code dev.iobuf.FileWrite#threshold}); its duration is the wait for the completion.
 */
@Name("dev.iobuf.FileWrite")
@Label("File Write (io_uring)")
@Category({"iobuf", "File"})
@Description("A write of a file through io_uring")
@Threshold("20 ms")
final class FileWriteEvent extends Event {
    @Label("Path")
    String path;

    @Label("Bytes Written")
    @DataAmount
    long bytesWritten;
}

package dev.iobuf.uring.file;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Threshold;

/**
 * JFR event {@code dev.iobuf.FileRead}, the io_uring twin of {@code jdk.FileRead} (which never fires for
 * io_uring reads): one read or readv of a {@link UringFile} that took at least the threshold (20 ms by
 * default, {@code dev.iobuf.FileRead#threshold}); its duration is the wait for the completion.
 */
@Name("dev.iobuf.FileRead")
@Label("File Read (io_uring)")
@Category({"iobuf", "File"})
@Description("A read of a file through io_uring")
@Threshold("20 ms")
final class FileReadEvent extends Event {
    @Label("Path")
    String path;

    @Label("Bytes Read")
    @DataAmount
    long bytesRead;

    @Label("End of File")
    boolean endOfFile;
}

package dev.iobuf.uring.net;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVM of {@link LoopLogTest}: makes a logger (as a loop's class does when it is initialised), runs
 * {@link LoopLog#loadFiles()} when the argument is {@code prepared} (as building a group does), takes every free fd,
 * then logs one warning with a stack trace through {@link LoopLog} and prints {@code failedCalls=N} and
 * {@code fdsTaken=N}.
 */
final class LoopLogOutOfFds {
    private LoopLogOutOfFds() {
    }

    public static void main(String[] args) throws IOException {
        System.Logger logger = System.getLogger(LoopLogOutOfFds.class.getName());
        long failedBefore = LoopLog.failedCalls(); // LoopLog loaded (from a class folder: that takes an fd)
        if (args[0].equals("prepared")) {
            LoopLog.loadFiles();
        }
        List<FileInputStream> taken = new ArrayList<>();
        Throwable sample = new IllegalStateException("sample cause");
        String line;
        try {
            while (true) {
                try {
                    taken.add(new FileInputStream("/dev/null"));
                } catch (IOException e) {
                    break; // EMFILE: no fd left
                }
            }
            LoopLog.log(logger, Level.WARNING, "logged out of fds", sample);
            line = "failedCalls=" + (LoopLog.failedCalls() - failedBefore) + " fdsTaken=" + taken.size();
        } finally {
            for (FileInputStream in : taken) {
                in.close();
            }
        }
        System.out.println(line);
    }
}

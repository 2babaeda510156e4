package dev.iobuf.uring.testkit;

import java.util.List;

/**
 * Reads a child JVM's class-load log ({@code -Xlog:class+load=info}, one line per class:
 * {@code [...][class,load] NAME source: SOURCE}) for the classes of our modules read from a file: a class folder or a
 * jar. A process out of fds cannot load such a class, so a rare path of a running server must find it loaded already.
 */
public final class ClassLoadLog {
    private ClassLoadLog() {
    }

    /**
     * The lines of {@code log} that load a class of our modules ({@code dev.iobuf.}) from a class folder or a jar, not
     * one spun at run time (lambdas, method handles' classes) and not one of the tests ({@code test-classes}).
     * @param log the log's lines (other lines are ignored)
     * @return those lines, in order
     */
    public static List<String> ourClassesReadFromFiles(List<String> log) {
        return log.stream().filter(ClassLoadLog::ourClassReadFromAFile).toList();
    }

    private static boolean ourClassReadFromAFile(String line) {
        if (!line.contains("[class,load]")) {
            return false;
        }
        String[] f = line.split(" ");
        int at = List.of(f).indexOf("source:");
        if (at < 1 || at + 1 >= f.length) {
            return false;
        }
        String source = f[at + 1];
        return f[at - 1].startsWith("dev.iobuf.") && (source.startsWith("file:") || source.startsWith("jar:"))
                && !source.contains("test-classes");
    }
}

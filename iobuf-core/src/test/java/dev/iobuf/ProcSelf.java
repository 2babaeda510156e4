package dev.iobuf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads this process's memory map and status from /proc, to check what the kernel really did. */
final class ProcSelf {
    private ProcSelf() {
    }

    /** Whether {@code address} lies inside any mapping of this process. */
    static boolean isMapped(long address) {
        return mappingLine(Path.of("/proc/self/maps"), address).isPresent();
    }

    /** The VmFlags line of the smaps entry holding {@code address}, e.g. "rd wr mr mw me ac hg". */
    static Optional<String> vmFlags(long address) {
        List<String> lines = read(Path.of("/proc/self/smaps"));
        for (int i = 0; i < lines.size(); i++) {
            if (contains(lines.get(i), address)) {
                for (int j = i + 1; j < lines.size() && !isRangeLine(lines.get(j)); j++) {
                    if (lines.get(j).startsWith("VmFlags:")) {
                        return Optional.of(lines.get(j).substring("VmFlags:".length()).strip());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** VmLck of this process in bytes. */
    static long lockedBytes() {
        for (String line : read(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmLck:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmLck in /proc/self/status");
    }

    private static Optional<String> mappingLine(Path file, long address) {
        return read(file).stream().filter(l -> contains(l, address)).findFirst();
    }

    private static boolean isRangeLine(String line) {
        int dash = line.indexOf('-');
        int space = line.indexOf(' ');
        return dash > 0 && space > dash && line.substring(0, dash).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static boolean contains(String line, long address) {
        if (!isRangeLine(line)) {
            return false;
        }
        int dash = line.indexOf('-');
        long from = Long.parseUnsignedLong(line.substring(0, dash), 16);
        long to = Long.parseUnsignedLong(line.substring(dash + 1, line.indexOf(' ')), 16);
        return Long.compareUnsigned(address, from) >= 0 && Long.compareUnsigned(address, to) < 0;
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

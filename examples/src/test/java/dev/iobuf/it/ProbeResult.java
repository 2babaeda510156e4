package dev.iobuf.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The line src/test/resources/Probe.java prints: what a raw io_uring_setup returned in the container. */
record ProbeResult(int entries, long rc, int errno, int uid, ContainerResult run) {
    static final int EPERM = 1;
    static final int ENOMEM = 12;
    static final int ENOSYS = 38;

    private static final Pattern LINE =
            Pattern.compile("^probe entries=(\\d+) rc=(-?\\d+) errno=(\\d+) uid=(\\d+) memlock=\\S+$", Pattern.MULTILINE);

    /** Runs the probe with {@code entries} in the container {@code run} describes, and parses its line. */
    static ProbeResult of(ContainerRun run, int entries) {
        ContainerResult result = run.args(Integer.toString(entries)).run();
        Matcher m = LINE.matcher(result.stdout());
        if (result.exitCode() != 0 || !m.find()) {
            throw new AssertionError("the io_uring probe did not run to its result line:\n" + result);
        }
        return new ProbeResult(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), result);
    }

    /**
     * The probe, run by java's source launcher. Nearly all its time is javac compiling it in memory:
     * C1 only and the serial GC halve that on a busy 2-core machine, and change nothing it measures.
     */
    static ContainerRun probe() {
        return ContainerRun.sourceFile(ItSettings.probeSource())
                .jvmArgs(ContainerRun.QUICK_JVM.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "io_uring_setup(" + entries + ") rc=" + rc + " errno=" + errno + " uid=" + uid + " in\n" + run;
    }
}

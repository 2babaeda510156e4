package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.uring.testkit.ChildJvm;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The loops' logging: a failing backend costs a line, never the loop; limits let one line per interval out; once
 * {@link LoopLog#loadFiles()} ran, a process out of fds still logs (the formatting warm-up is only a head start).
 */
class LoopLogTest {
    /** A backend that fails the way one out of fds does (its time zone data cannot be loaded). */
    private static final System.Logger FAILING = new System.Logger() {
        @Override
        public String getName() {
            return "failing";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            throw new NoClassDefFoundError("Could not initialize class sun.util.calendar.ZoneInfoFile");
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            throw new NoClassDefFoundError("Could not initialize class sun.util.calendar.ZoneInfoFile");
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            throw new NoClassDefFoundError("Could not initialize class sun.util.calendar.ZoneInfoFile");
        }
    };

    @Test
    void aLogCallThatThrowsIsCountedAndDropped() {
        long before = LoopLog.failedCalls();
        assertThatCode(() -> {
            LoopLog.log(FAILING, Level.ERROR, "event loop 0 failed");
            LoopLog.log(FAILING, Level.WARNING, "accept failed", new IllegalStateException("x"));
        }).doesNotThrowAnyException();
        assertThat(LoopLog.failedCalls() - before).isEqualTo(2);
    }

    @Test
    void aLimitLetsOneMessagePerIntervalOutAndCountsTheRest() {
        LoopLog.Limit limit = new LoopLog.Limit(1_000);
        assertThat(limit.permits(5_000)).as("the first one").isTrue();
        assertThat(limit.permits(5_001)).isFalse();
        assertThat(limit.permits(5_999)).isFalse();
        assertThat(limit.permits(6_000)).as("one interval later").isTrue();
        assertThat(limit.takeSuppressed()).isEqualTo(2);
        assertThat(limit.takeSuppressed()).isZero();
        assertThat(limit.permits(6_500)).isFalse();
        assertThat(limit.permits(7_001)).isTrue();
        assertThatThrownBy(() -> new LoopLog.Limit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Out of fds, with only the files loaded ahead (the formatting not warmed up): the warning and its stack trace
     * reach stderr. Without {@link LoopLog#loadFiles()} the same call fails (the time zone rules cannot be read):
     * what the first case guards against.
     */
    @Test
    void outOfFdsALoopStillLogsOnceTheFilesWereLoaded() throws Exception {
        ChildJvm.Result prepared = ChildJvm.onTestClassPath(LoopLogOutOfFds.class).fdLimit(64)
                .run(Duration.ofSeconds(60), "prepared");
        assertThat(prepared.exitCode()).as("%s", prepared).isZero();
        assertThat(prepared.stdout()).as("%s", prepared).contains("failedCalls=0");
        assertThat(prepared.stdout()).as("every fd was taken: %s", prepared).doesNotContain("fdsTaken=0");
        assertThat(prepared.stderr()).as("%s", prepared).contains("logged out of fds")
                .contains("java.lang.IllegalStateException: sample cause").contains("at dev.iobuf.uring.net.LoopLogOutOfFds.main");

        ChildJvm.Result unprepared = ChildJvm.onTestClassPath(LoopLogOutOfFds.class).fdLimit(64)
                .run(Duration.ofSeconds(60), "unprepared");
        assertThat(unprepared.exitCode()).as("%s", unprepared).isZero();
        assertThat(unprepared.stdout()).as("the call fails without the files: %s", unprepared).contains("failedCalls=1");
    }
}

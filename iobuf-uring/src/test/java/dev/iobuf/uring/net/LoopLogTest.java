package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger.Level;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The loops' logging: a failing backend costs a line, never the loop; limits let one line per interval out. */
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
}

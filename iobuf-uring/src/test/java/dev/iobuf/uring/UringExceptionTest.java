package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UringExceptionTest {
    @Test
    void aCompletionsFailureNamesErrnoAndOperationWithoutAStack() {
        UringException e = UringException.ofCompletion("recv(fd=7)", -104);

        assertThat(e.getMessage()).isEqualTo(new UringException("recv(fd=7)", -104, null).getMessage())
                .startsWith("recv(fd=7) failed: ECONNRESET (");
        assertThat(e.errno()).isEqualTo(104);
        assertThat(e.errnoName()).isEqualTo("ECONNRESET");
        assertThat(e.operation()).isEqualTo("recv(fd=7)");
        assertThat(e.getStackTrace()).as("the loop's reap says nothing about the operation").isEmpty();
        e.addSuppressed(new IllegalStateException("dropped"));
        assertThat(e.getSuppressed()).as("one exception per reset: nothing kept on it").isEmpty();
    }

    @Test
    void aCallsFailureKeepsItsStack() {
        assertThat(new UringException("io_uring_setup(8)", -12, "raise RLIMIT_MEMLOCK").getStackTrace()).isNotEmpty();
    }
}

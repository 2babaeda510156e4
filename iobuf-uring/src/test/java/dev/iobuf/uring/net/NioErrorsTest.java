package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** The JDK's I/O failures read as the errno they stand for (the NIO transport's errors in io_uring's terms). */
class NioErrorsTest {
    @Test
    void eachMessageOfTheJdkMapsToItsErrno() {
        assertThat(errno(new ConnectException("Connection refused"))).isEqualTo("ECONNREFUSED");
        assertThat(errno(new SocketTimeoutException("Read timed out"))).isEqualTo("ETIMEDOUT");
        assertThat(errno(new SocketTimeoutException(null))).isEqualTo("ETIMEDOUT");
        assertThat(errno(new ConnectException("Connection timed out"))).isEqualTo("ETIMEDOUT");
        assertThat(errno(new SocketException("Connection reset by peer"))).isEqualTo("ECONNRESET");
        assertThat(errno(new IOException("Broken pipe"))).isEqualTo("EPIPE");
        assertThat(errno(new java.net.BindException("Address already in use"))).isEqualTo("EADDRINUSE");
        assertThat(errno(new IOException("Too many open files in system"))).isEqualTo("ENFILE");
        assertThat(errno(new IOException("Too many open files"))).isEqualTo("EMFILE");
        assertThat(errno(new IOException("No such file or directory"))).isEqualTo("ENOENT");
        assertThat(errno(new IOException("Permission denied"))).isEqualTo("EACCES");
        assertThat(errno(new IOException("Read-only file system"))).isEqualTo("EROFS");
        assertThat(errno(new NoRouteToHostException("Network is unreachable"))).isEqualTo("ENETUNREACH");
    }

    @Test
    void refusedNeedsAConnectExceptionAndAnythingElseIsEio() {
        assertThat(errno(new IOException("refused by policy"))).isEqualTo("EIO");
        assertThat(errno(new IOException((String) null))).isEqualTo("EIO");
        assertThat(errno(new IOException("something new"))).isEqualTo("EIO");
    }

    private static String errno(java.io.IOException e) {
        return NioErrors.of("test", e).errnoName();
    }

    @Test
    void theExceptionNamesTheOperationAndErrnoAndKeepsTheCause() {
        IOException cause = new SocketException("Connection reset");
        UringException u = NioErrors.of("recv", cause);
        assertThat(u.errnoName()).isEqualTo("ECONNRESET");
        assertThat(u.getMessage()).startsWith("recv failed: ECONNRESET");
        assertThat(u.getCause()).isSameAs(cause);
        assertThat(NioErrors.of("bind", new java.net.BindException("Address already in use"), rc -> "remedy " + rc)
                .getMessage()).endsWith("remedy -" + Errno.EADDRINUSE.number());
    }
}

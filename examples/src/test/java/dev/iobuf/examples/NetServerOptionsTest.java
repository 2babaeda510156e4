package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The servers' timeouts on the command line: HTTP defaults, 0 or off switches them off, echo has no head deadline. */
class NetServerOptionsTest {

    @Test
    void httpServersHaveAnIdleTimeoutAndAHeadDeadlineByDefaultAndZeroSwitchesThemOff() {
        NetServer.Options d = NetServer.Options.parse(new String[0], HttpServer.USAGE, 8080, true);
        assertThat(d.idleTimeoutNanos()).isEqualTo(60_000_000_000L);
        assertThat(d.headTimeoutNanos()).isEqualTo(10_000_000_000L);
        NetServer.Options off = NetServer.Options.parse(new String[] {"--idle-timeout", "0", "--head-timeout", "off"},
                HttpServer.USAGE, 8080, true);
        assertThat(off.idleTimeoutNanos()).isZero();
        assertThat(off.headTimeoutNanos()).isZero();
        NetServer.Options set = NetServer.Options.parse(new String[] {"--idle-timeout", "2s", "--head-timeout", "500ms"},
                HttpServer.USAGE, 8080, true);
        assertThat(set.idleTimeoutNanos()).isEqualTo(2_000_000_000L);
        assertThat(set.headTimeoutNanos()).isEqualTo(500_000_000L);
        assertThat(HttpServer.USAGE).contains("[--idle-timeout DURATION (60s; 0 = off)] [--head-timeout DURATION (10s; 0 = off)]");
    }

    @Test
    void echoServersKeepNoIdleTimeoutByDefaultAndHaveNoHeadDeadline() {
        NetServer.Options d = NetServer.Options.parse(new String[0], EchoServer.USAGE, 7007);
        assertThat(d.idleTimeoutNanos()).isZero();
        assertThat(d.headTimeoutNanos()).isZero();
        assertThatThrownBy(() -> NetServer.Options.parse(new String[] {"--head-timeout", "1s"}, EchoServer.USAGE, 7007))
                .isInstanceOf(ToolException.class).hasMessageContaining("unknown option --head-timeout");
        assertThatThrownBy(() -> NetServer.Options.parse(new String[] {"--idle-timeout", "-1s"}, EchoServer.USAGE, 7007))
                .isInstanceOf(ToolException.class).hasMessageContaining("--idle-timeout");
    }
    @Test
    void unixTakesAPathOrAnAbstractNameInsteadOfHostAndPort() {
        NetServer.Options tcp = NetServer.Options.parse(new String[] {"--port", "0"}, EchoServer.USAGE, 7007);
        assertThat(tcp.address()).isInstanceOf(java.net.InetSocketAddress.class);
        NetServer.Options path = NetServer.Options.parse(new String[] {"--unix", "/run/echo.sock"}, EchoServer.USAGE, 7007);
        assertThat(path.address()).isEqualTo(java.net.UnixDomainSocketAddress.of("/run/echo.sock"));
        NetServer.Options name = NetServer.Options.parse(new String[] {"--unix", "@echo"}, EchoServer.USAGE, 7007);
        assertThat(name.address()).isEqualTo(dev.iobuf.uring.net.AbstractUnixAddress.of("echo"));
        assertThatThrownBy(() -> NetServer.Options.parse(new String[] {"--unix", "@"}, EchoServer.USAGE, 7007).address())
                .isInstanceOf(ToolException.class).hasMessageContaining("--unix takes a socket path, or @name");
        assertThat(EchoServer.USAGE).contains("[--unix PATH|@NAME (a Unix domain socket instead of --host/--port)]");
    }
}

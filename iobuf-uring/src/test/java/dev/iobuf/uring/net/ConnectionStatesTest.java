package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Connection#sends}: the one comparison that stands for "OPEN or DRAINING" on the send path. */
class ConnectionStatesTest {
    @Test
    void openAndDrainingConnectionsSendTheOthersDoNot() {
        assertThat(Connection.sends(Connection.OPEN)).isTrue();
        assertThat(Connection.sends(Connection.DRAINING)).isTrue();
        assertThat(Connection.sends(Connection.CONNECTING)).isFalse();
        assertThat(Connection.sends(Connection.CLOSING)).isFalse();
        assertThat(Connection.sends(Connection.CLOSING_FD)).isFalse();
        assertThat(Connection.sends(Connection.CLOSED)).isFalse();
    }
}

package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_OP_LAST;
import static dev.iobuf.liburing.NewerKernelConstants.IORING_OP_PIPE;
import static dev.iobuf.uring.RingTestSupport.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Set;
import org.junit.jupiter.api.Test;

@KernelTest
class ProbeTest {

    @Test
    void opcodesAreTheKernelsNumberingWithNonDecreasingVersions() {
        Opcode[] ops = Opcode.values();
        // every opcode of the (6.1) headers, and the newer ones through the newest we bind
        assertThat(ops.length).isGreaterThanOrEqualTo(IORING_OP_LAST());
        assertThat(ops).hasSize(IORING_OP_PIPE() + 1);
        String previous = "5.1";
        for (int i = 0; i < ops.length; i++) {
            assertThat(ops[i].code()).as("%s", ops[i]).isEqualTo(i);
            assertThat(Opcode.of(i)).isSameAs(ops[i]);
            assertThat(versionAtLeast(ops[i].since(), previous)).as("%s since %s after %s", ops[i], ops[i].since(), previous)
                    .isTrue();
            previous = ops[i].since();
        }
        assertThat(Opcode.of(ops.length)).isNull();
        assertThat(Opcode.of(-1)).isNull();
        assertThat(Opcode.SEND_ZC.kernelName()).isEqualTo("IORING_OP_SEND_ZC");
    }

    @Test
    void featureBitsAreDistinctSingleBits() {
        int all = 0;
        for (RingFeature f : RingFeature.values()) {
            assertThat(Integer.bitCount(f.bit())).as("%s", f).isEqualTo(1);
            assertThat(all & f.bit()).as("%s", f).isZero();
            all |= f.bit();
        }
    }

    @Test
    void probeListsEveryOperationThisKernelIsNewEnoughFor() {
        try (Ring r = ring(4)) {
            Probe p = r.probe();
            assertThat(r.probe()).as("probed once per ring").isSameAs(p);
            assertThat(p.lastOpcode()).isGreaterThanOrEqualTo(Opcode.NOP.code());
            Set<Opcode> supported = p.supportedOpcodes();
            for (Opcode op : Opcode.values()) {
                boolean known = op.code() <= p.lastOpcode();
                if (!known) {
                    assertThat(supported).doesNotContain(op);
                } else if (Kernel.atLeast(op.since()) && !isNetworkOrDriver(op)) {
                    assertThat(r.supports(op)).as("%s (Linux %s) on %s", op, op.since(), Kernel.describe()).isTrue();
                }
            }
            assertThat(p.supports(255)).isFalse();
            assertThat(p.supports(-1)).isFalse();
            assertThatCode(() -> r.require(Opcode.NOP)).doesNotThrowAnyException();
            assertThatCode(() -> r.require(RingFeature.NODROP)).doesNotThrowAnyException();
        }
    }

    @Test
    void requiringAnOperationTheKernelLacksThrowsNamingItsVersion() {
        try (Ring r = ring(4)) {
            Opcode missing = null;
            for (Opcode op : Opcode.values()) {
                if (!r.supports(op)) {
                    missing = op;
                    break;
                }
            }
            if (missing == null) {
                // Every operation is there (a current kernel): the message is checked through the factory in
                // RingSetupRejectTest; here, prove that the probe is not just "all true".
                assertThat(r.probe().supports(r.probe().lastOpcode() + 1)).isFalse();
                return;
            }
            Opcode op = missing;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.require(op))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining(op.kernelName()).hasMessageContaining("Linux " + op.since());
        }
    }

    /** Operations a kernel of the right version may still lack through its configuration. */
    private static boolean isNetworkOrDriver(Opcode op) {
        return switch (op) {
            case SENDMSG, RECVMSG, ACCEPT, CONNECT, SEND, RECV, SHUTDOWN, SOCKET, URING_CMD, SEND_ZC, SENDMSG_ZC,
                 BIND, LISTEN, RECV_ZC, EPOLL_CTL, EPOLL_WAIT, FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAITV -> true;
            default -> false;
        };
    }

    private static boolean versionAtLeast(String v, String min) {
        String[] a = v.split("\\.");
        String[] b = min.split("\\.");
        int ma = Integer.parseInt(a[0]);
        int mb = Integer.parseInt(b[0]);
        return ma != mb ? ma > mb : Integer.parseInt(a[1]) >= Integer.parseInt(b[1]);
    }
}

package dev.iobuf.uring;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code dev.iobuf.RingSetup}: a ring was set up; what was asked for and what the kernel
 * granted (setup flags, features, queue sizes). One per ring, so always cheap; the setup fallback
 * (defaulted flags dropped on EINVAL) shows as requested flags missing from the granted ones.
 */
@Name("dev.iobuf.RingSetup")
@Label("Ring Setup")
@Category({"iobuf", "io_uring"})
@Description("An io_uring instance was set up: requested and granted flags, features, sizes")
@StackTrace(false)
final class RingSetupEvent extends Event {
    private static final RingSetupEvent PROBE = new RingSetupEvent();

    @Label("Ring fd")
    int fd;

    @Label("SQ Entries")
    int sqEntries;

    @Label("CQ Entries")
    int cqEntries;

    @Label("Requested Flags")
    @Description("IORING_SETUP_* asked for, explicitly or by default")
    String requested;

    @Label("Granted Flags")
    @Description("IORING_SETUP_* the ring runs with")
    String granted;

    @Label("Features")
    @Description("IORING_FEAT_* the kernel reported")
    String features;

    @Label("Ring fd Registered")
    boolean ringFdRegistered;

    /** Records {@code ring}'s setup when a recording wants it. */
    static void record(Ring ring, int requestedFlags) {
        if (!PROBE.isEnabled()) {
            return;
        }
        RingSetupEvent e = new RingSetupEvent();
        if (e.shouldCommit()) {
            e.fd = ring.fd();
            e.sqEntries = ring.sqEntries();
            e.cqEntries = ring.cqEntries();
            e.requested = SetupFlag.describe(requestedFlags);
            e.granted = SetupFlag.describe(ring.setupFlags());
            e.features = features(ring.features());
            e.ringFdRegistered = ring.isRingFdRegistered();
            e.commit();
        }
    }

    private static String features(int bits) {
        StringBuilder sb = new StringBuilder("[");
        for (RingFeature f : RingFeature.values()) {
            if ((bits & f.bit()) != 0) {
                sb.append(sb.length() > 1 ? ", " : "").append(f);
            }
        }
        return sb.append(']').toString();
    }
}

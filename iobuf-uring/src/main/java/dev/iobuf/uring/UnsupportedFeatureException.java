package dev.iobuf.uring;

import dev.iobuf.liburing.Errno;

/**
 * The running kernel lacks an io_uring operation or feature the caller required. The message names
 * the feature, the Linux version that introduced it and the running kernel.
 */
public final class UnsupportedFeatureException extends UringException {
    private static final long serialVersionUID = 1L;

    /** The kernel's name of the missing feature. */
    private final String feature;
    /** The Linux version that introduced it. */
    private final String since;

    private UnsupportedFeatureException(String feature, String since, String message) {
        this(feature, since, message, feature, -Errno.EOPNOTSUPP.number());
    }

    private UnsupportedFeatureException(String feature, String since, String message, String operation, int result) {
        super(message, operation, result);
        this.feature = feature;
        this.since = since;
    }

    /**
     * The kernel answered {@code operation} with {@code result} (EINVAL, mostly) and predates {@code feature},
     * which the call needs: the refusal is the missing feature, not a bad argument.
     */
    static UnsupportedFeatureException refused(String feature, String since, String operation, int result) {
        return new UnsupportedFeatureException(feature, since, operation + " failed: " + Errno.name(result) + ". "
                + feature + " (Linux " + since + ") is not supported by this kernel (" + Kernel.describe()
                + "): run Linux " + since + " or newer", operation, result);
    }

    /**
     * Throws an {@code UnsupportedFeatureException} if the running kernel is older than {@code since}
     * ("major.minor"), for a feature there is no probe for (a flag of an operation the probe lists anyway, such
     * as multishot recvmsg). Nothing happens when the kernel's version cannot be read.
     *
     * @param feature the kernel's name of the feature, e.g. {@code "IORING_OP_RECVMSG with IORING_RECV_MULTISHOT"}
     * @param since the Linux version that introduced it, e.g. {@code "6.0"}
     * @param user what needs it, for the message, e.g. {@code "a UDP endpoint"}
     */
    public static void requireKernel(String feature, String since, String user) {
        if (!Kernel.atLeast(since)) {
            throw new UnsupportedFeatureException(feature, since, user + " needs " + feature + " (Linux " + since
                    + "); this kernel is " + Kernel.describe() + ": run Linux " + since + " or newer");
        }
    }

    static UnsupportedFeatureException forOpcode(Opcode op) {
        String why = Kernel.atLeast(op.since())
                ? "this kernel is new enough, so the operation is compiled out (e.g. CONFIG_NET for network "
                        + "operations) or the ring is restricted (IORING_REGISTER_RESTRICTIONS)"
                : "run Linux " + op.since() + " or newer, or fall back to a different operation";
        return new UnsupportedFeatureException(op.kernelName(), op.since(), "io_uring operation " + op.kernelName()
                + " (Linux " + op.since() + ") is not supported by this kernel (" + Kernel.describe()
                + ", per IORING_REGISTER_PROBE): " + why);
    }

    static UnsupportedFeatureException forFeature(RingFeature f) {
        return new UnsupportedFeatureException(f.kernelName(), f.since(), "io_uring feature " + f.kernelName()
                + " (Linux " + f.since() + ") is not offered by this kernel (" + Kernel.describe()
                + ", per io_uring_params.features): run Linux " + f.since() + " or newer");
    }

    /** The missing operation or feature, e.g. {@code "IORING_OP_SEND_ZC"}. */
    public String feature() {
        return feature;
    }

    /** The Linux version that introduced it, e.g. {@code "6.0"}. */
    public String since() {
        return since;
    }
}

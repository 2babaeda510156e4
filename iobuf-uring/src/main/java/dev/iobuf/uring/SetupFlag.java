package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;

/** io_uring setup flags the builder offers, each with the kernel version that introduced it. */
public enum SetupFlag {
    /** Kernel thread polls the SQ: submission without a syscall. */
    SQPOLL(IORING_SETUP_SQPOLL(), "5.1"),
    /** Pin the SQPOLL thread to a CPU. */
    SQ_AFF(IORING_SETUP_SQ_AFF(), "5.1"),
    /** CQ size given explicitly. */
    CQSIZE(IORING_SETUP_CQSIZE(), "5.5"),
    /** Clamp entries to the kernel maximum instead of failing. */
    CLAMP(IORING_SETUP_CLAMP(), "5.6"),
    /** Keep submitting a batch after one SQE fails. */
    SUBMIT_ALL(IORING_SETUP_SUBMIT_ALL(), "5.18"),
    /** Run task work only when the ring is entered: no IPIs interrupting the issuer. */
    COOP_TASKRUN(IORING_SETUP_COOP_TASKRUN(), "5.19"),
    /** Flag pending task work in the SQ flags so the application knows to enter. */
    TASKRUN_FLAG(IORING_SETUP_TASKRUN_FLAG(), "5.19"),
    /** Only one thread submits: lets the kernel skip locking. */
    SINGLE_ISSUER(IORING_SETUP_SINGLE_ISSUER(), "6.0"),
    /** Defer task work to the next io_uring_enter(GETEVENTS) of the issuer. */
    DEFER_TASKRUN(IORING_SETUP_DEFER_TASKRUN(), "6.1"),
    /** No SQ index array: SQEs are consumed in ring order. */
    NO_SQARRAY(IORING_SETUP_NO_SQARRAY(), "6.6");

    private final int bit;
    private final String since;

    SetupFlag(int bit, String since) {
        this.bit = bit;
        this.since = since;
    }

    /** The IORING_SETUP_* bit. */
    public int bit() {
        return bit;
    }

    /** The Linux version that introduced the flag. */
    public String since() {
        return since;
    }

    /** Names of the flags set in {@code bits}, e.g. {@code "[SINGLE_ISSUER (6.0), NO_SQARRAY (6.6)]"}. */
    static String describe(int bits) {
        StringBuilder sb = new StringBuilder("[");
        for (SetupFlag f : values()) {
            if ((bits & f.bit) != 0) {
                sb.append(sb.length() > 1 ? ", " : "").append(f).append(" (Linux ").append(f.since).append(')');
            }
        }
        return sb.append(']').toString();
    }
}

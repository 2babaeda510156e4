package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;

/**
 * The {@code IORING_FEAT_*} bits io_uring_setup reports, each with the Linux version that introduced
 * it. Ask a ring with {@link Ring#has(RingFeature)}, or insist with {@link Ring#require(RingFeature)}.
 */
public enum RingFeature {
    /** SQ and CQ rings share one mmap. */
    SINGLE_MMAP(IORING_FEAT_SINGLE_MMAP(), "5.4"),
    /** Completions that do not fit in the CQ are buffered by the kernel, not dropped. */
    NODROP(IORING_FEAT_NODROP(), "5.5"),
    /** SQE data the kernel needs is copied at submit: the SQE may be reused once submitted. */
    SUBMIT_STABLE(IORING_FEAT_SUBMIT_STABLE(), "5.5"),
    /** Offset -1 reads and writes at the current file position. */
    RW_CUR_POS(IORING_FEAT_RW_CUR_POS(), "5.6"),
    /** Requests run with the submitter's credentials. */
    CUR_PERSONALITY(IORING_FEAT_CUR_PERSONALITY(), "5.6"),
    /** Internal poll instead of an io-wq thread for pollable files. */
    FAST_POLL(IORING_FEAT_FAST_POLL(), "5.7"),
    /** 32-bit poll masks (EPOLLEXCLUSIVE and friends). */
    POLL_32BITS(IORING_FEAT_POLL_32BITS(), "5.9"),
    /** SQPOLL works with regular (non-registered) files. */
    SQPOLL_NONFIXED(IORING_FEAT_SQPOLL_NONFIXED(), "5.11"),
    /** io_uring_enter takes an extended argument (timeout with GETEVENTS). */
    EXT_ARG(IORING_FEAT_EXT_ARG(), "5.11"),
    /** Async work runs in threads of the submitting task. */
    NATIVE_WORKERS(IORING_FEAT_NATIVE_WORKERS(), "5.12"),
    /** Registered resources take tags and updates. */
    RSRC_TAGS(IORING_FEAT_RSRC_TAGS(), "5.13"),
    /** IOSQE_CQE_SKIP_SUCCESS is honoured. */
    CQE_SKIP(IORING_FEAT_CQE_SKIP(), "5.17"),
    /** Files of linked requests are resolved when the request runs. */
    LINKED_FILE(IORING_FEAT_LINKED_FILE(), "5.17"),
    /** Registered ring fds work with io_uring_register too. */
    REG_REG_RING(IORING_FEAT_REG_REG_RING(), "6.3"),
    /** Bundled sends and receives over provided buffers. */
    RECVSEND_BUNDLE(IORING_FEAT_RECVSEND_BUNDLE(), "6.10"),
    /** A minimum wait time before waking for fewer completions. */
    MIN_TIMEOUT(IORING_FEAT_MIN_TIMEOUT(), "6.12"),
    /** Read/write attributes (PI metadata). */
    RW_ATTR(IORING_FEAT_RW_ATTR(), "6.14"),
    /** IORING_ENTER_NO_IOWAIT. */
    NO_IOWAIT(IORING_FEAT_NO_IOWAIT(), "6.15");

    private final int bit;
    private final String since;

    RingFeature(int bit, String since) {
        this.bit = bit;
        this.since = since;
    }

    /** The {@code IORING_FEAT_*} bit. */
    public int bit() {
        return bit;
    }

    /** The Linux version that introduced the feature. */
    public String since() {
        return since;
    }

    /** The constant's C name, e.g. {@code "IORING_FEAT_NODROP"}. */
    public String kernelName() {
        return "IORING_FEAT_" + name();
    }
}

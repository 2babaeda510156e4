package dev.iobuf.uring;

/**
 * Typed setup options of a {@link Ring}. Each option is either left to the default (the fastest
 * safe choice the running kernel accepts: the library drops a defaulted flag the kernel rejects),
 * or set explicitly (then the kernel must accept it, or {@link #build()} fails naming the flag and
 * the kernel version it needs).
 *
 * <p>Defaults: SUBMIT_ALL, COOP_TASKRUN + TASKRUN_FLAG, SINGLE_ISSUER, NO_SQARRAY, a registered
 * ring fd, CQ twice the SQ. Off unless asked: DEFER_TASKRUN (completions then arrive only when the
 * owner enters the kernel: {@link Ring#submitAndWait}, or {@link Ring#reap} / the cursor, which enter
 * when the kernel flags pending work), SQPOLL (costs a polling kernel thread). Options that exclude
 * each other fail in {@link #build()} with an {@link IllegalArgumentException} before any system call.
 */
public final class RingBuilder {
    int entries = 256;
    int cqEntries;
    Boolean singleIssuer;
    Boolean deferTaskrun;
    Boolean coopTaskrun;
    Boolean submitAll;
    Boolean noSqArray;
    boolean sqPoll;
    int sqPollIdleMillis = 1000;
    int sqPollCpu = -1;
    Boolean registerRingFd;
    boolean noIowait;

    RingBuilder() {
    }

    /** SQ size, rounded up to a power of two by the kernel (1 .. 32768). Default 256. */
    public RingBuilder entries(int entries) {
        if (entries < 1 || entries > 32768) {
            throw new IllegalArgumentException("entries must be in 1 .. 32768, got " + entries);
        }
        this.entries = entries;
        return this;
    }

    /** CQ size (IORING_SETUP_CQSIZE); at least {@code entries}. Default: twice the SQ. */
    public RingBuilder cqSize(int cqEntries) {
        if (cqEntries < 1 || cqEntries > 65536) {
            throw new IllegalArgumentException("cqSize must be in 1 .. 65536, got " + cqEntries);
        }
        this.cqEntries = cqEntries;
        return this;
    }

    /** IORING_SETUP_SINGLE_ISSUER (Linux 6.0): only the thread that builds the ring may submit to it. */
    public RingBuilder singleIssuer(boolean on) {
        this.singleIssuer = on;
        return this;
    }

    /**
     * IORING_SETUP_DEFER_TASKRUN (Linux 6.1) with TASKRUN_FLAG: completions are produced only when the
     * owner thread enters the kernel. Needs SINGLE_ISSUER, which it turns on; not with SQPOLL.
     */
    public RingBuilder deferTaskrun(boolean on) {
        this.deferTaskrun = on;
        if (on && singleIssuer == null) {
            singleIssuer = true;
        }
        return this;
    }

    /** IORING_SETUP_COOP_TASKRUN with TASKRUN_FLAG (Linux 5.19): no IPIs to run completions; not with SQPOLL. */
    public RingBuilder coopTaskrun(boolean on) {
        this.coopTaskrun = on;
        return this;
    }

    /** IORING_SETUP_SUBMIT_ALL (Linux 5.18): keep submitting a batch past an SQE that fails at submit. */
    public RingBuilder submitAll(boolean on) {
        this.submitAll = on;
        return this;
    }

    /** IORING_SETUP_NO_SQARRAY (Linux 6.6): no SQ index array; SQEs are consumed in ring order. */
    public RingBuilder noSqArray(boolean on) {
        this.noSqArray = on;
        return this;
    }

    /**
     * IORING_SETUP_SQPOLL: a kernel thread polls the SQ and sleeps after {@code idleMillis} without work.
     * Costs a busy core while active.
     */
    public RingBuilder sqPoll(int idleMillis) {
        if (idleMillis < 0) {
            throw new IllegalArgumentException("SQPOLL idle time must be >= 0 ms, got " + idleMillis);
        }
        this.sqPoll = true;
        this.sqPollIdleMillis = idleMillis;
        return this;
    }

    /** Pins the SQPOLL thread to {@code cpu} (IORING_SETUP_SQ_AFF); needs {@link #sqPoll}. */
    public RingBuilder sqPollCpu(int cpu) {
        if (cpu < 0) {
            throw new IllegalArgumentException("SQPOLL cpu must be >= 0, got " + cpu);
        }
        this.sqPollCpu = cpu;
        return this;
    }

    /** Registers the ring fd (IORING_REGISTER_RING_FDS, Linux 5.18) so each enter skips an fd lookup. */
    public RingBuilder registerRingFd(boolean on) {
        this.registerRingFd = on;
        return this;
    }

    /**
     * Waits that are not accounted as iowait (IORING_ENTER_NO_IOWAIT on every waiting enter) where the kernel
     * offers {@link RingFeature#NO_IOWAIT} (Linux 6.15); default false. Unlike the setup flags this is a flag of
     * each wait, so an older kernel is no error: the flag is simply not passed there (check with
     * {@link Ring#has(RingFeature)}). For rings that mostly wait on sockets: since Linux 6.10 the kernel counts
     * a wait with requests in flight (a multishot receive, say) as iowait, so an idle server shows 100% iowait.
     */
    public RingBuilder noIowait(boolean on) {
        this.noIowait = on;
        return this;
    }

    /**
     * Sets the ring up.
     *
     * @throws IllegalArgumentException for options that exclude each other
     * @throws UringException if the kernel refuses an explicit option (naming it, the Linux version that
     *         introduced it and the running kernel), or io_uring is blocked, missing or over RLIMIT_MEMLOCK
     *         (the subclasses {@link IoUringBlockedException}, {@link IoUringUnavailableException},
     *         {@link MemlockLimitException})
     */
    public Ring build() {
        if (sqPoll && Boolean.TRUE.equals(deferTaskrun)) {
            throw new IllegalArgumentException("SQPOLL and DEFER_TASKRUN exclude each other (the SQPOLL thread runs "
                    + "the task work): choose one");
        }
        if (sqPoll && Boolean.TRUE.equals(coopTaskrun)) {
            throw new IllegalArgumentException("SQPOLL and COOP_TASKRUN exclude each other (the SQPOLL thread runs "
                    + "the task work): drop coopTaskrun(true)");
        }
        if (sqPollCpu >= 0 && !sqPoll) {
            throw new IllegalArgumentException("sqPollCpu needs sqPoll(idleMillis) as well");
        }
        if (Boolean.TRUE.equals(deferTaskrun) && Boolean.FALSE.equals(singleIssuer)) {
            throw new IllegalArgumentException("DEFER_TASKRUN needs SINGLE_ISSUER: drop singleIssuer(false)");
        }
        if (cqEntries != 0 && cqEntries < entries) {
            throw new IllegalArgumentException("cqSize (" + cqEntries + ") must be >= entries (" + entries + ")");
        }
        return RingSetup.open(this, SqeOperands.callerOfEntry());
    }
}

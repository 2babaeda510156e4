package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;

import dev.iobuf.MemlockLimit;
import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.io_uring_params;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.FlightRecorder;

/**
 * io_uring_setup for a {@link RingBuilder}: which flags are required (asked for explicitly) and which
 * are defaults the kernel may refuse; the fallback that drops refused defaults, newest first; and the
 * diagnosis that names the explicitly requested flag a kernel refuses.
 */
final class RingSetup {
    private static final int COOP = IORING_SETUP_COOP_TASKRUN() | IORING_SETUP_TASKRUN_FLAG();
    /** Defaulted flags the kernel may reject, dropped newest first until it accepts. */
    private static final int[] DEFAULTS_NEWEST_FIRST = {
        IORING_SETUP_NO_SQARRAY(), IORING_SETUP_SINGLE_ISSUER(), COOP, IORING_SETUP_SUBMIT_ALL(),
    };
    private static final long PAGE = 4096;

    private RingSetup() {
    }

    /** Sets up a ring as {@code b} says, for {@code opener} (see {@link Ring#open(int)}). */
    static Ring open(RingBuilder b, Module opener) {
        int[] flags = flags(b);
        Arena arena = Arena.ofShared();
        try {
            MemorySegment params = io_uring_params.allocate(arena);
            int fd = setup(b, params, flags[0], flags[1]);
            Ring ring;
            try {
                ring = new Ring(fd, params, arena, opener);
            } catch (RuntimeException | Error e) {
                Syscalls.close(fd);
                throw e;
            }
            if (b.noIowait && ring.has(RingFeature.NO_IOWAIT)) {
                ring.ringEnter().waitWithoutIowait();
            }
            if (!Boolean.FALSE.equals(b.registerRingFd)) {
                registerRingFd(ring, b);
            }
            // Before JFR is up nothing can record the event, and loading an event class would bring JFR up
            // (hundreds of ms at start): see PoolWaitRecording in iobuf-core.
            if (FlightRecorder.isInitialized()) {
                RingSetupEvent.record(ring, flags[0] | flags[1]);
            }
            return ring;
        } catch (RuntimeException | Error e) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
            throw e;
        }
    }

    /** Registers the ring fd for the owner thread (IORING_REGISTER_RING_FDS, Linux 5.18). */
    private static void registerRingFd(Ring ring, RingBuilder b) {
        int fd = ring.fd();
        int rc = ring.ringEnter().registerRingFd();
        if (rc != 1 && Boolean.TRUE.equals(b.registerRingFd)) {
            ring.close();
            String op = "io_uring_register(RING_FDS, fd=" + fd + ")";
            int err = rc < 0 ? rc : -Errno.EINVAL.number();
            if (!Kernel.atLeast("5.18")) {
                throw UnsupportedFeatureException.refused("IORING_REGISTER_RING_FDS", "5.18", op, err);
            }
            throw new UringException(op, err, "registered ring fds need Linux 5.18 (this is " + Kernel.describe()
                    + "); build without registerRingFd(true)");
        }
    }

    /** {required, optional} IORING_SETUP_* bits for the builder's options. */
    static int[] flags(RingBuilder b) {
        int required = 0;
        int optional = 0;
        if (b.sqPoll) {
            // SQPOLL runs task work in its own thread; the kernel refuses COOP/DEFER_TASKRUN with it
            // (RingBuilder.build rejects an explicit request), so they are not defaulted either.
            required |= IORING_SETUP_SQPOLL();
            required |= b.sqPollCpu >= 0 ? IORING_SETUP_SQ_AFF() : 0;
        } else {
            required |= Boolean.TRUE.equals(b.coopTaskrun) ? COOP : 0;
            optional |= b.coopTaskrun == null ? COOP : 0;
            // TASKRUN_FLAG makes deferred work visible in the SQ flags, which is how reap() knows to enter.
            required |= Boolean.TRUE.equals(b.deferTaskrun)
                    ? IORING_SETUP_DEFER_TASKRUN() | IORING_SETUP_TASKRUN_FLAG() : 0;
        }
        required |= b.cqEntries > 0 ? IORING_SETUP_CQSIZE() : 0;
        required |= Boolean.TRUE.equals(b.singleIssuer) ? IORING_SETUP_SINGLE_ISSUER() : 0;
        optional |= b.singleIssuer == null ? IORING_SETUP_SINGLE_ISSUER() : 0;
        required |= Boolean.TRUE.equals(b.submitAll) ? IORING_SETUP_SUBMIT_ALL() : 0;
        optional |= b.submitAll == null ? IORING_SETUP_SUBMIT_ALL() : 0;
        required |= Boolean.TRUE.equals(b.noSqArray) ? IORING_SETUP_NO_SQARRAY() : 0;
        optional |= b.noSqArray == null ? IORING_SETUP_NO_SQARRAY() : 0;
        return new int[] {required, optional & ~required};
    }

    /** io_uring_setup with required | optional; on EINVAL drops optional flags, newest first. */
    static int setup(RingBuilder b, MemorySegment params, int required, int optional) {
        int flags = required | optional;
        int drop = 0;
        for (;;) {
            int fd = trySetup(b, params, flags);
            if (fd >= 0) {
                return fd;
            }
            if (!Errno.EINVAL.is(fd)) {
                throw failure(b, flags, fd);
            }
            while (drop < DEFAULTS_NEWEST_FIRST.length && (optional & DEFAULTS_NEWEST_FIRST[drop]) == 0) {
                drop++;
            }
            if (drop == DEFAULTS_NEWEST_FIRST.length) {
                throw rejected(b, required, fd);
            }
            optional &= ~DEFAULTS_NEWEST_FIRST[drop];
            flags = required | optional;
            drop++;
        }
    }

    private static int trySetup(RingBuilder b, MemorySegment params, int flags) {
        params.fill((byte) 0);
        io_uring_params.flags(params, flags | IORING_SETUP_CLAMP());
        io_uring_params.cq_entries(params, b.cqEntries);
        io_uring_params.sq_thread_idle(params, b.sqPollIdleMillis);
        io_uring_params.sq_thread_cpu(params, Math.max(0, b.sqPollCpu));
        return Syscalls.ioUringSetup(b.entries, params);
    }

    static String describeCall(RingBuilder b, int flags) {
        StringBuilder sb = new StringBuilder("io_uring_setup(entries=").append(b.entries);
        if (b.cqEntries > 0) {
            sb.append(", cq_entries=").append(b.cqEntries);
        }
        sb.append(", flags=").append(SetupFlag.describe(flags | IORING_SETUP_CLAMP()));
        if ((flags & IORING_SETUP_SQPOLL()) != 0) {
            sb.append(", sq_thread_idle=").append(b.sqPollIdleMillis).append(" ms");
        }
        if ((flags & IORING_SETUP_SQ_AFF()) != 0) {
            sb.append(", sq_thread_cpu=").append(b.sqPollCpu);
        }
        return sb.append(')').toString();
    }

    private static UringException failure(RingBuilder b, int flags, int rc) {
        String op = describeCall(b, flags);
        if (Errno.ENOMEM.is(rc)) {
            long limit = MemlockLimit.soft();
            long needed = ringBytes(b, flags);
            return new MemlockLimitException(op, rc, "The kernel charges a ring's SQ/CQ rings and SQE array (about "
                    + needed + " bytes for this one) to RLIMIT_MEMLOCK, summed over all of this user's processes; "
                    + "root and CAP_IPC_LOCK are exempt. " + MemlockLimitException.remedy(limit, needed), limit, needed);
        }
        return UringException.forSetup(op, rc);
    }

    /**
     * The kernel refused the explicitly requested flags (EINVAL with every default dropped): find which
     * ones it refuses on their own (with only their prerequisites) and say why.
     */
    private static UringException rejected(RingBuilder b, int required, int rc) {
        String op = describeCall(b, required);
        List<SetupFlag> culprits = new ArrayList<>();
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment params = io_uring_params.allocate(temp);
            for (SetupFlag f : SetupFlag.values()) {
                if ((required & f.bit()) == 0 || f == SetupFlag.TASKRUN_FLAG) {
                    continue;
                }
                int fd = trySetup(b, params, f.bit() | prerequisites(f, required));
                if (fd >= 0) {
                    Syscalls.close(fd);
                } else if (Errno.EINVAL.is(fd)) {
                    culprits.add(f);
                }
            }
        }
        if (!culprits.isEmpty() && culprits.stream().noneMatch(f -> Kernel.atLeast(f.since()))) {
            // every refused flag is newer than this kernel: the flags are missing, not misused
            // (SetupFlag is in version order, so the last one names the kernel that has them all)
            String names = culprits.stream().map(f -> "IORING_SETUP_" + f.name()).collect(Collectors.joining(" and "));
            return UnsupportedFeatureException.refused(names, culprits.getLast().since(), op, rc);
        }
        StringBuilder why = new StringBuilder("The kernel (").append(Kernel.describe()).append(") rejects ");
        if (culprits.isEmpty()) {
            why.append("the combination ").append(SetupFlag.describe(required))
                    .append(" (each flag alone is accepted) or the sizes given: check entries and cqSize");
        } else {
            for (int i = 0; i < culprits.size(); i++) {
                SetupFlag f = culprits.get(i);
                why.append(i == 0 ? "" : "; and ").append(f).append(" (Linux ").append(f.since()).append("): ")
                        .append(reason(f, b));
            }
        }
        why.append(". Drop the explicit option, or run a kernel that has it");
        return new UringException(op, rc, why.toString());
    }

    private static int prerequisites(SetupFlag f, int required) {
        return switch (f) {
            case SQ_AFF -> IORING_SETUP_SQPOLL();
            case DEFER_TASKRUN -> IORING_SETUP_SINGLE_ISSUER();
            case COOP_TASKRUN -> required & IORING_SETUP_TASKRUN_FLAG();
            default -> 0;
        };
    }

    private static String reason(SetupFlag f, RingBuilder b) {
        if (!Kernel.atLeast(f.since())) {
            return "this kernel predates it";
        }
        return switch (f) {
            case SQ_AFF -> "sq_thread_cpu=" + b.sqPollCpu + " is not a CPU this thread may run on (online CPUs in "
                    + "its affinity mask; this machine has " + Runtime.getRuntime().availableProcessors()
                    + " available to the JVM)";
            case CQSIZE -> "cq_entries=" + b.cqEntries + " is invalid here (it must be >= the SQ size after rounding "
                    + "to a power of two, and at most 65536)";
            case SQPOLL -> "sq_thread_idle=" + b.sqPollIdleMillis + " ms or SQPOLL itself is refused here";
            default -> "the kernel is new enough, so a value or another flag given with it is invalid";
        };
    }

    /** Roughly what the kernel charges for the ring: the rings region plus the SQE array, in pages. */
    static long ringBytes(RingBuilder b, int flags) {
        long sq = Long.highestOneBit(Math.max(1, Math.min(b.entries, 32768)) * 2L - 1);
        long cq = b.cqEntries > 0 ? Long.highestOneBit(b.cqEntries * 2L - 1) : 2 * sq;
        long rings = 256 + cq * RingMemory.cqeSize(flags)
                + ((flags & IORING_SETUP_NO_SQARRAY()) != 0 ? 0 : sq * RingMemory.U32);
        return pages(rings) + pages(sq * RingMemory.sqeSize(flags));
    }

    private static long pages(long bytes) {
        return (bytes + PAGE - 1) / PAGE * PAGE;
    }
}

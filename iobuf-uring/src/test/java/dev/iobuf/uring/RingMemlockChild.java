package dev.iobuf.uring;

/**
 * Runs in a child JVM under a low RLIMIT_MEMLOCK as an unprivileged user (see {@link RingMemlockTest}):
 * a ring too big for the limit must fail with a MemlockLimitException that names the limit and the remedy,
 * and a small ring must still work. Prints one line per step.
 */
public final class RingMemlockChild {
    private RingMemlockChild() {
    }

    public static void main(String[] args) {
        try (Ring small = Ring.open(4)) {
            small.nextSqe().nop().userData(1);
            small.submitAndWait(1);
            System.out.println("SMALL_OK reaped=" + small.reap((u, r, f) -> { }));
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            System.out.println("NO_RING " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            System.out.println("FAILED small ring: " + e);
            return;
        }
        try (Ring big = Ring.builder().entries(4096).build()) {
            System.out.println("FAILED big ring was created: " + big);
        } catch (MemlockLimitException e) {
            System.out.println("BIG_REFUSED limit=" + e.limit() + " needed=" + e.needed() + " errno=" + e.errnoName()
                    + " message=" + e.getMessage().replace('\n', ' '));
        } catch (RuntimeException e) {
            System.out.println("FAILED big ring: " + e);
        }
        System.out.println("DONE");
    }
}

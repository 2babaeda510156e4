package dev.iobuf.probe;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.Ring;
import java.lang.foreign.Arena;

/**
 * Run in the unnamed module WITHOUT native access, with our modules on the module path and native access
 * granted to them only ({@code NativeAccessTest}). Prints one line per step. The bindings must be out of
 * reach, the raw-address entry points must refuse with the flag to add, and the safe API must work.
 * In its own package: {@code dev.iobuf.uring} belongs to the named module on the module path.
 */
public final class NativeAccessProbe {
    private NativeAccessProbe() {
    }

    public static void main(String[] args) {
        System.out.println("NATIVE_ACCESS " + NativeAccessProbe.class.getModule().isNativeAccessEnabled());
        try {
            int rc = dev.iobuf.liburing.Syscalls.close(-1);   // a raw system call, through our module's access
            System.out.println("BINDINGS_OPEN rc=" + rc);
        } catch (IllegalAccessError e) {
            System.out.println("BINDINGS_CLOSED " + e.getMessage());
        }
        try (Ring ring = Ring.open(8); BufferPool pool = BufferPool.of(BufferTier.SMALL, 2)) {
            try {
                ring.nextSqe().readUnsafe(0, 0x1000L, 8, 0).userData(1);
                System.out.println("UNSAFE_ALLOWED");
            } catch (IllegalCallerException e) {
                System.out.println("UNSAFE_REFUSED " + e.getMessage());
            }
            ring.nextSqe().openat(-100, Arena.ofAuto().allocateFrom("/dev/zero"), 0, 0).userData(2);
            int[] fd = {-1};
            ring.submitAndWait(1);
            ring.reap((u, r, f) -> fd[0] = r);
            ring.nextSqe().read(fd[0], pool, 0, 64, 0).userData(3);
            int[] got = {-1};
            ring.submitAndWait(1);
            ring.reap((u, r, f) -> got[0] = r);
            ring.nextSqe().close(fd[0]).userData(4);
            ring.submitAndWait(1);
            ring.reap((u, r, f) -> { });
            System.out.println("SAFE " + (got[0] == 64 ? "OK" : "result=" + got[0]) + " sqSpace=" + ring.sqSpace());
        }
    }
}

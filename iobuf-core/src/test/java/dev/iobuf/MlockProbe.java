package dev.iobuf;

/** Run in a child JVM under a low RLIMIT_MEMLOCK and without CAP_IPC_LOCK by {@link SlabTest}. */
public final class MlockProbe {
    private MlockProbe() {
    }

    public static void main(String[] args) {
        try (BufferPool pool = BufferPool.of(BufferTier.HUGE, 1, SlabOptions.DEFAULT.withLocked(true))) {
            System.out.println("locked " + pool);
        } catch (NativeMemoryException e) {
            System.out.println("call=" + e.call() + " errno=" + e.errno());
            System.out.println("message=" + e.getMessage());
            System.out.println("VmLck=" + ProcSelf.lockedBytes());
        }
    }
}

package dev.iobuf.liburing;

/**
 * The libc constants we use whose value depends on the CPU architecture. {@link LibcAbi} is generated from
 * this project's build machines' headers (x86-64); on aarch64 these few differ, so the aarch64 value is written
 * here by hand (from the kernel's {@code arch/arm64/include/uapi/asm/fcntl.h} and the asm-generic system call
 * table). Every other constant we use is the same on both (asm-generic socket, mmap and resource values).
 */
@SuppressWarnings("checkstyle:MethodName")
public final class ArchConstants {

    private static final boolean AARCH64 = "aarch64".equals(System.getProperty("os.arch"));

    private ArchConstants() {
    }

    /**
     * {@code O_DIRECT}: 0x4000 on x86-64 (generated), 0x10000 on aarch64.
     * @return the value for this architecture
     */
    public static int O_DIRECT() {
        return AARCH64 ? 0x10000 : LibcAbi.O_DIRECT();
    }

    /**
     * {@code O_NOFOLLOW}: 0x20000 on x86-64 (generated), 0x8000 on aarch64.
     * @return the value for this architecture
     */
    public static int O_NOFOLLOW() {
        return AARCH64 ? 0x8000 : LibcAbi.O_NOFOLLOW();
    }

    /**
     * {@code SYS_preadv2}: 327 on x86-64 (generated), 286 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_preadv2() {
        return AARCH64 ? 286L : LibcAbi.SYS_preadv2();
    }
}

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

    /**
     * {@code SYS_close}: 3 on x86-64 (generated), 57 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_close() {
        return AARCH64 ? 57L : LibcAbi.SYS_close();
    }

    /**
     * {@code SYS_write}: 1 on x86-64 (generated), 64 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_write() {
        return AARCH64 ? 64L : LibcAbi.SYS_write();
    }

    /**
     * {@code SYS_mmap}: 9 on x86-64 (generated), 222 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_mmap() {
        return AARCH64 ? 222L : LibcAbi.SYS_mmap();
    }

    /**
     * {@code SYS_munmap}: 11 on x86-64 (generated), 215 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_munmap() {
        return AARCH64 ? 215L : LibcAbi.SYS_munmap();
    }

    /**
     * {@code SYS_madvise}: 28 on x86-64 (generated), 233 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_madvise() {
        return AARCH64 ? 233L : LibcAbi.SYS_madvise();
    }

    /**
     * {@code SYS_eventfd2}: 290 on x86-64 (generated), 19 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_eventfd2() {
        return AARCH64 ? 19L : LibcAbi.SYS_eventfd2();
    }

    /**
     * {@code SYS_prlimit64}: 302 on x86-64 (generated), 261 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_prlimit64() {
        return AARCH64 ? 261L : LibcAbi.SYS_prlimit64();
    }

    /**
     * {@code SYS_socket}: 41 on x86-64 (generated), 198 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_socket() {
        return AARCH64 ? 198L : LibcAbi.SYS_socket();
    }

    /**
     * {@code SYS_bind}: 49 on x86-64 (generated), 200 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_bind() {
        return AARCH64 ? 200L : LibcAbi.SYS_bind();
    }

    /**
     * {@code SYS_listen}: 50 on x86-64 (generated), 201 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_listen() {
        return AARCH64 ? 201L : LibcAbi.SYS_listen();
    }

    /**
     * {@code SYS_setsockopt}: 54 on x86-64 (generated), 208 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_setsockopt() {
        return AARCH64 ? 208L : LibcAbi.SYS_setsockopt();
    }

    /**
     * {@code SYS_getsockopt}: 55 on x86-64 (generated), 209 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_getsockopt() {
        return AARCH64 ? 209L : LibcAbi.SYS_getsockopt();
    }

    /**
     * {@code SYS_getsockname}: 51 on x86-64 (generated), 204 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_getsockname() {
        return AARCH64 ? 204L : LibcAbi.SYS_getsockname();
    }

    /**
     * {@code SYS_getpeername}: 52 on x86-64 (generated), 205 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_getpeername() {
        return AARCH64 ? 205L : LibcAbi.SYS_getpeername();
    }

    /**
     * {@code SYS_setpriority}: 141 on x86-64 (generated), 140 on aarch64 (asm-generic numbering).
     * @return the system call number for this architecture
     */
    public static long SYS_setpriority() {
        return AARCH64 ? 140L : LibcAbi.SYS_setpriority();
    }
}

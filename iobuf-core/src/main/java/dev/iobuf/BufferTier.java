package dev.iobuf;

/**
 * The twelve buffer sizes of iobuf: powers of four from 32 B ({@link #PICO}) to 128 MiB
 * ({@link #TITAN}). A request is served by the smallest tier that holds it, so at most 3/4 of a
 * buffer is ever wasted and twelve pools cover every size a server meets.
 */
public enum BufferTier {
    /** 32 B. */ PICO(32),
    /** 128 B. */ NANO(128),
    /** 512 B. */ MICRO(512),
    /** 2 KiB. */ SMALL(2 << 10),
    /** 8 KiB. */ MEDIUM(8 << 10),
    /** 32 KiB. */ BIG(32 << 10),
    /** 128 KiB: the size of io_uring registered buffers ({@link BufferPool#registerBuffers}). */ LARGE(128 << 10),
    /** 512 KiB. */ GREAT(512 << 10),
    /** 2 MiB: from here on slabs are mmap'd (no zero-fill pass, huge pages possible). */ HUGE(2 << 20),
    /** 8 MiB. */ VAST(8 << 20),
    /** 32 MiB. */ GIANT(32 << 20),
    /** 128 MiB. */ TITAN(128 << 20);

    private static final BufferTier[] TIERS = values();
    private static final int PICO_SHIFT = 5; // log2(32)

    private final int size;

    BufferTier(int size) {
        this.size = size;
    }

    /** Bytes in one buffer of this tier. */
    public int size() {
        return size;
    }

    /**
     * The smallest tier whose buffers hold {@code bytes}; {@link #TITAN} for anything larger than
     * 128 MiB (callers split such transfers across several Titan buffers).
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public static BufferTier forSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("buffer size must be >= 0, got " + bytes);
        }
        if (bytes <= PICO.size) {
            return PICO;
        }
        if (bytes >= TITAN.size) {
            return TITAN;
        }
        // ceil(log2(bytes)) - 5, then halve (rounding up) to step in powers of four
        int log2 = 64 - Long.numberOfLeadingZeros(bytes - 1);
        return TIERS[(log2 - PICO_SHIFT + 1) >>> 1];
    }

    /** Size of the buffer that would serve a request of {@code bytes}: {@code forSize(bytes).size()}. */
    public static int bufferSize(long bytes) {
        return forSize(bytes).size;
    }

    /** The next larger tier, or {@code null} for {@link #TITAN}. */
    public BufferTier larger() {
        int next = ordinal() + 1;
        return next < TIERS.length ? TIERS[next] : null;
    }

    /** The next smaller tier, or {@code null} for {@link #PICO}. */
    public BufferTier smaller() {
        return ordinal() == 0 ? null : TIERS[ordinal() - 1];
    }
}

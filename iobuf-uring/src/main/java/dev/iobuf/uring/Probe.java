package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_REGISTER_PROBE;
import static dev.iobuf.liburing.LibUring.IO_URING_OP_SUPPORTED;

import dev.iobuf.liburing.io_uring_probe;
import dev.iobuf.liburing.io_uring_probe_op;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which operations the running kernel supports for one ring, as IORING_REGISTER_PROBE reported them
 * (Linux 5.6). Taken once per ring ({@link Ring#probe()}) and immutable.
 */
public final class Probe {
    private static final int MAX_OPS = 256;

    private final boolean[] supported;
    private final int lastOp;

    private Probe(boolean[] supported, int lastOp) {
        this.supported = supported;
        this.lastOp = lastOp;
    }

    /** Probes {@code ring}; a kernel without IORING_REGISTER_PROBE (before 5.6) yields an empty probe. */
    static Probe of(Ring ring) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment probe = arena.allocate(io_uring_probe.sizeof() + MAX_OPS * io_uring_probe_op.sizeof(), 8);
            int rc = ring.register(IORING_REGISTER_PROBE(), probe, MAX_OPS);
            boolean[] supported = new boolean[MAX_OPS];
            if (rc < 0) {
                return new Probe(supported, -1);
            }
            int lastOp = Byte.toUnsignedInt(io_uring_probe.last_op(probe));
            int opsLen = Byte.toUnsignedInt(io_uring_probe.ops_len(probe));
            MemorySegment ops = probe.asSlice(io_uring_probe.sizeof());
            for (int i = 0; i < opsLen; i++) {
                MemorySegment op = io_uring_probe_op.asSlice(ops, i);
                int code = Byte.toUnsignedInt(io_uring_probe_op.op(op));
                if ((io_uring_probe_op.flags(op) & IO_URING_OP_SUPPORTED()) != 0) {
                    supported[code] = true;
                }
            }
            return new Probe(supported, lastOp);
        }
    }

    /** Whether the kernel supports {@code op} on this ring. */
    public boolean supports(Opcode op) {
        return supported[op.code()];
    }

    /** Whether the kernel supports the raw opcode {@code code}. */
    public boolean supports(int code) {
        return code >= 0 && code < supported.length && supported[code];
    }

    /** The highest opcode the kernel knows ({@code IORING_OP_LAST - 1}), or -1 when the probe failed. */
    public int lastOpcode() {
        return lastOp;
    }

    /** The supported operations this library knows by name. */
    public Set<Opcode> supportedOpcodes() {
        EnumSet<Opcode> set = EnumSet.noneOf(Opcode.class);
        for (Opcode op : Opcode.values()) {
            if (supports(op)) {
                set.add(op);
            }
        }
        return set;
    }

    @Override
    public String toString() {
        return "Probe[lastOpcode=" + lastOp + ", supported=" + supportedOpcodes() + "]";
    }
}

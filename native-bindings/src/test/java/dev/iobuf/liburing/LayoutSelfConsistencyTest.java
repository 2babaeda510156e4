package dev.iobuf.liburing;

import org.junit.jupiter.api.Test;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pure-Java checks (no gcc): every {@code field$offset()} literal of every struct class equals the offset
 * the FFM layout computes, {@code sizeof()} equals the layout size, accessors round-trip, and the fixed
 * ABI sizes the io_uring layer relies on hold.
 */
class LayoutSelfConsistencyTest {

    @Test
    void offsetLiteralsMatchTheLayouts() throws ReflectiveOperationException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var e : LayoutConformanceTest.JAVA_STRUCTS.entrySet()) {
            Class<?> c = Class.forName("dev.iobuf.liburing." + e.getKey());
            GroupLayout layout = e.getValue();
            Map<String, LayoutConformanceTest.Field> fields = LayoutConformanceTest.javaFields(layout);
            assertThat((long) c.getMethod("sizeof").invoke(null)).isEqualTo(layout.byteSize());
            for (Method m : c.getMethods()) {
                if (m.getName().endsWith("$offset") && m.getParameterCount() == 0) {
                    String field = m.getName().substring(0, m.getName().length() - "$offset".length());
                    LayoutConformanceTest.Field f = fields.get(field);
                    long literal = (long) m.invoke(null);
                    checked++;
                    if (f == null || f.offset() != literal) {
                        problems.add(e.getKey() + "." + field + ": literal " + literal + ", layout " + f);
                    }
                }
            }
            for (String field : fields.keySet()) {
                c.getMethod(field + "$offset"); // every leaf field has accessors
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void abiSizesTheRingCodeRelieson() {
        assertThat(io_uring_sqe.sizeof()).isEqualTo(64);
        assertThat(io_uring_cqe.sizeof()).isEqualTo(16);
        assertThat(io_uring_params.sizeof()).isEqualTo(120);
        assertThat(io_uring_buf.sizeof()).isEqualTo(16);
        assertThat(io_uring_sqe.user_data$offset()).isEqualTo(32);
        assertThat(io_uring_sqe.buf_group$offset()).isEqualTo(40);
        assertThat(io_uring_sqe.cmd$offset()).isEqualTo(48);
        assertThat(io_uring_params.sq_off$offset()).isEqualTo(40);
        assertThat(io_uring_params.cq_off$offset()).isEqualTo(80);
        assertThat(io_sqring_offsets.resv2$offset()).as("user_addr since Linux 6.5").isEqualTo(32);
        assertThat(io_uring_buf_ring.tail$offset()).isEqualTo(14);
    }

    @Test
    void accessorsRoundTripThroughUnionsAndArrays() {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            var sqe = io_uring_sqe.allocate(arena);
            io_uring_sqe.off(sqe, 0x1122_3344_5566_7788L);
            assertThat(io_uring_sqe.addr2(sqe)).as("off and addr2 share a union").isEqualTo(0x1122_3344_5566_7788L);
            assertThat(io_uring_sqe.cmd_op(sqe)).isEqualTo(0x5566_7788);
            io_uring_sqe.buf_group(sqe, (short) 7);
            assertThat(io_uring_sqe.buf_index(sqe)).isEqualTo((short) 7);
            var params = io_uring_params.allocate(arena);
            io_uring_params.resv(params, 2, 99);
            assertThat(io_uring_params.resv(params, 2)).isEqualTo(99);
            assertThat(io_uring_params.resv$dimensions()).containsExactly(3);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> io_uring_params.resv(params, 3))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            io_sqring_offsets.tail(io_uring_params.sq_off(params), 64);
            assertThat(params.get(LibUring.C_INT, 44)).as("nested struct slice writes through").isEqualTo(64);
        }
    }

    @Test
    void flexibleArraysAreZeroLength() {
        assertThat(io_uring_probe.ops$layout().elementCount()).isZero();
        assertThat(io_uring_cqe.big_cqe$layout().byteSize()).isZero();
        assertThat(((MemoryLayout) io_uring_sqe.cmd$layout()).byteSize()).isZero();
    }
}

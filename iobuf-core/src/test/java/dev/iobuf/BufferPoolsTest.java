package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class BufferPoolsTest {
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Test
    void aRegisteredPoolShowsItsGaugesUntilTheHandleIsClosed() throws Exception {
        ObjectName name = new ObjectName("dev.iobuf:type=BufferPool,name=\"test pool\"");
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 8)) {
            AutoCloseable handle = BufferPools.registerMBean("test pool", pool);
            int i = pool.acquire();
            assertThat(JMX.getAttribute(name, "Tier")).isEqualTo("SMALL");
            assertThat(JMX.getAttribute(name, "BufferSize")).isEqualTo(2048);
            assertThat(JMX.getAttribute(name, "Capacity")).isEqualTo(8);
            assertThat(JMX.getAttribute(name, "Acquired")).isEqualTo(1);
            assertThat(JMX.getAttribute(name, "Available")).isEqualTo(7);
            assertThat(JMX.getAttribute(name, "Closed")).isEqualTo(false);
            assertThatThrownBy(() -> BufferPools.registerMBean("test pool", pool))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pick a name");
            pool.release(i);
            handle.close();
            assertThat(JMX.isRegistered(name)).isFalse();
            handle.close();
        }
    }
}

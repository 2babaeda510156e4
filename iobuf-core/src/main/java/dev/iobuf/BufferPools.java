package dev.iobuf;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/** Pool observability: a {@link BufferPool}'s gauges as a JMX MBean ({@link BufferPoolMXBean}). */
public final class BufferPools {
    private BufferPools() {
    }

    /**
     * Registers {@code pool}'s gauges in the platform MBean server as
     * {@code dev.iobuf:type=BufferPool,name=<name>}; closing the returned handle unregisters them.
     *
     * @throws IllegalStateException if the name is taken or the server refuses the registration
     */
    public static AutoCloseable registerMBean(String name, BufferPool pool) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pool, "pool");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName on;
        try {
            on = new ObjectName("dev.iobuf:type=BufferPool,name=" + ObjectName.quote(name));
            server.registerMBean(new StandardMBean(new Gauges(pool), BufferPoolMXBean.class, true), on);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register pool " + name + " as an MBean (" + e
                    + "): pick a name no other registered pool uses", e);
        }
        ObjectName registered = on;
        return () -> {
            try {
                server.unregisterMBean(registered);
            } catch (JMException e) {
                // already unregistered: closing twice is harmless
            }
        };
    }

    private record Gauges(BufferPool pool) implements BufferPoolMXBean {
        @Override
        public String getTier() {
            return pool.tier().name();
        }

        @Override
        public int getBufferSize() {
            return pool.bufferSize();
        }

        @Override
        public int getCapacity() {
            return pool.capacity();
        }

        @Override
        public int getAvailable() {
            return pool.available();
        }

        @Override
        public int getAcquired() {
            return pool.acquiredCount();
        }

        @Override
        public boolean isClosed() {
            return pool.isClosed();
        }
    }
}

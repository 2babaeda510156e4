package dev.iobuf.uring.net;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;

/**
 * A read-only MBean whose attributes are the components of {@link NetCounters}, read from one snapshot
 * per JMX request: the record is the one list of counters, nothing is spelled out twice.
 */
final class CountersMBean implements DynamicMBean {
    private static final RecordComponent[] COMPONENTS = NetCounters.class.getRecordComponents();
    private static final MBeanAttributeInfo[] ATTRIBUTES = Arrays.stream(COMPONENTS)
            .map(c -> new MBeanAttributeInfo(c.getName(), c.getType().getName(),
                    "NetCounters." + c.getName() + " (see its Javadoc)", true, false, false))
            .toArray(MBeanAttributeInfo[]::new);

    private final Supplier<NetCounters> counters;
    private final String description;

    CountersMBean(Supplier<NetCounters> counters, String description) {
        this.counters = counters;
        this.description = description;
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException, ReflectionException {
        return value(counters.get(), component(name));
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        NetCounters snapshot = counters.get();
        AttributeList list = new AttributeList();
        for (String name : names) {
            try {
                list.add(new Attribute(name, value(snapshot, component(name))));
            } catch (AttributeNotFoundException | ReflectionException e) {
                // JMX convention: attributes that cannot be read are left out of the list
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only: counters change only by the loop's work");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(action), "this MBean has no operations");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return new MBeanInfo(NetCounters.class.getName(), description, ATTRIBUTES, null,
                new MBeanOperationInfo[0], null);
    }

    private static RecordComponent component(String name) throws AttributeNotFoundException {
        for (RecordComponent c : COMPONENTS) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new AttributeNotFoundException("no attribute " + name + "; the attributes are NetCounters' components");
    }

    private static Object value(NetCounters snapshot, RecordComponent c) throws ReflectionException {
        try {
            return c.getAccessor().invoke(snapshot);
        } catch (ReflectiveOperationException e) {
            throw new ReflectionException(e, "cannot read " + c.getName());
        }
    }
}

package io.werkbridge.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Polls a child JVM's heap in use once a second and keeps the peak. Through the JVM's local management agent (the
 * attach API, as jconsole does): one MBean call costs both systems the same. A scrape of the Prometheus endpoint, used
 * until session 12, rendered every meter each second, and the hub has many more meters than the peer (5-6 % of the
 * hub's samples against 1 % of the peer's on a 2-core machine).
 */
final class HeapWatch implements AutoCloseable {

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peak = new AtomicLong();
    private final JMXConnector connector;

    HeapWatch(long pid) throws IOException {
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IOException("cannot attach to JVM " + pid, e);
        }
        connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        poller.scheduleAtFixedRate(() -> {
            try {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            } catch (RuntimeException e) {
                System.err.println("heap poll failed: " + e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    long peak() {
        return peak.get();
    }

    @Override
    public void close() throws IOException {
        poller.shutdownNow();
        connector.close();
    }
}

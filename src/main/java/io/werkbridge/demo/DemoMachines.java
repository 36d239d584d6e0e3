package io.werkbridge.demo;

import io.werkbridge.demo.SimulatedOpcUaMachine;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Demo only: two simulated machines that change every few seconds. A mill with an OPC UA server (Milo's SDK, on
 * 127.0.0.1) and, if socat is installed, a press on a virtual serial link sending key=value telegrams in stx-etx
 * frames through the {@code serial:} component. Their machine files are in {@code connectors/machines/demo/}. Names
 * and numbers are invented.
 */
@Component
@Profile("demo")
@EnableScheduling
public class DemoMachines {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMachines.class);
    private static final List<String> STATES = List.of("Running", "Running", "Idle", "Running", "Setup");
    private static final List<String> OPERATORS = List.of("W-1001:Anna Beispiel", "W-1002:Jonas Muster", "W-1003:Lea Probe");

    private final ProducerTemplate producer;
    private final Path serialMachineEnd;
    private final AtomicInteger tick = new AtomicInteger();
    private final SimulatedOpcUaMachine mill;
    private final VirtualSerialLink cable;

    public DemoMachines(ProducerTemplate producer, DemoProperties demo) {
        this.producer = producer;
        this.serialMachineEnd = Path.of(demo.serialLink() + "-machine");
        this.mill = startMill(demo.opcuaPort());
        this.cable = plugCable(Path.of(demo.serialLink()), serialMachineEnd);
    }

    private static SimulatedOpcUaMachine startMill(int port) {
        try {
            SimulatedOpcUaMachine machine = SimulatedOpcUaMachine.start("127.0.0.1", port);
            LOG.info("[machine simulator] OPC UA mill at {}", machine.endpoint());
            return machine;
        } catch (IllegalStateException e) {
            LOG.warn("[machine simulator] the OPC UA mill cannot start on port {} ({}); set werkbridge.demo.opcua-port to a free port",
                    port, e.getMessage());
            return null;
        }
    }

    private static VirtualSerialLink plugCable(Path hubEnd, Path machineEnd) {
        Optional<Path> socat = VirtualSerialLink.findSocat();
        if (socat.isEmpty()) {
            LOG.info("[machine simulator] socat is not installed: the serial press is skipped (it stays disconnected); install socat to see serial telegrams");
            return null;
        }
        try {
            VirtualSerialLink link = VirtualSerialLink.plug(socat.get(), hubEnd, machineEnd);
            LOG.info("[machine simulator] serial press on a virtual link: hub end {}, machine end {}", hubEnd, machineEnd);
            return link;
        } catch (IOException e) {
            LOG.warn("[machine simulator] the virtual serial link cannot be made ({}); the serial press is skipped", e.getMessage());
            return null;
        }
    }

    @Scheduled(initialDelay = 5000, fixedDelayString = "${werkbridge.demo.machine-interval:3000}")
    public void tick() {
        int n = tick.incrementAndGet();
        String state = STATES.get(n % STATES.size());
        String[] operator = OPERATORS.get(n / 10 % OPERATORS.size()).split(":");
        if (mill != null) {
            mill.set("Machine/Operator/Id", operator[0]);
            mill.set("Machine/Operator/Name", operator[1]);
            mill.set("Machine/Monitoring/State", state);
            mill.set("Machine/Monitoring/SpindleSpeed", "Running".equals(state) ? 1800.0 + n % 7 * 25 : 0.0);
            mill.set("Machine/Production/PartCount", UInteger.valueOf(n));
            if (n % 5 == 0) {
                mill.set("Machine/Production/Program", "O" + (4700 + n / 5 % 20));
            }
            if (n % 7 == 0) {
                mill.set("Machine/Notifications/AlarmCode", 1000 + n % 3);
                mill.set("Machine/Notifications/AlarmText", LocalizedText.english("Coolant level low (simulated)"));
                // the same alarm as an Alarms & Conditions event (the demo file says alarms: true), acknowledged later
                mill.fireAlarm("A-" + (1000 + n % 3), 500, "Coolant level low (simulated)", true, false);
            } else if (n % 7 == 2) {
                mill.fireAlarm("A-" + (1000 + (n - 2) % 3), 500, "Coolant level low (simulated)", true, true);
            }
        }
        if (cable != null) {
            String telegram = "STATE=" + state.toUpperCase(java.util.Locale.ROOT) + ";STROKES=" + n * 12 + ";PARTS=" + n
                    + ";PROG=P" + (100 + n / 10 % 5) + ";OPID=" + operator[0] + ";OPNAME=" + operator[1]
                    + ";TS=" + Instant.now();
            try {
                producer.sendBody("serial:" + serialMachineEnd + "?framing=stx-etx&baudRate=115200",
                        telegram.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.debug("[machine simulator] telegram not sent: {}", e.getMessage());
            }
        }
    }

    @PreDestroy
    public void stop() {
        if (mill != null) {
            mill.close();
        }
        if (cable != null) {
            cable.close();
        }
    }
}

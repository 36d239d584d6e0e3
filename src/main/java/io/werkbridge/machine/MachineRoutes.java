package io.werkbridge.machine;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Adds the routes of every enabled machine once the hub has started, from the route templates in
 * {@code routes/machines-*.camel.yaml}: {@code machine-serial}, {@code machine-opcua} (one route per mapped
 * node) with {@code machine-opcua-heartbeat} and, for the umati profile or alarms, {@code machine-opcua-umati},
 * {@code machine-mtconnect}, and {@code machine-modbus} (with {@code machine-modbus-rtu-line} for a serial line);
 * with a {@code programTransfer}, {@code machine-nc-programs} and {@code machine-nc-program-send}.
 * Route ids start with
 * {@code machine-<id>}. A route that cannot be created stops the start-up with a message naming the machine file.
 */
@Component
public class MachineRoutes {

    /** Header with the machine id on every exchange of a machine route. */
    public static final String MACHINE_ID = "WerkbridgeMachineId";
    private static final Logger LOG = LoggerFactory.getLogger(MachineRoutes.class);

    private final CamelContext camel;
    private final MachineRegistry machines;

    public MachineRoutes(CamelContext camel, MachineRegistry machines) {
        this.camel = camel;
        this.machines = machines;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void addMachineRoutes() {
        for (MachineDefinition machine : machines.all()) {
            if (!machine.enabled()) {
                LOG.info("machine {} ({}) is disabled in {}", machine.id(), machine.protocol().id(), machine.file());
                continue;
            }
            try {
                add(machine);
            } catch (Exception e) {
                throw new MachineConfigException(java.util.List.of(machine.file() + ": the routes of machine '"
                        + machine.id() + "' cannot be created: " + e.getMessage()));
            }
            LOG.info("machine {} ({}, {}) connected to the machine-data flow", machine.id(), machine.protocol().id(),
                    machine.connection().endpoint());
        }
    }

    /** The route ids of a machine: its own, or its prefix for protocols with several routes. */
    public static String routeId(MachineDefinition machine) {
        return "machine-" + machine.id();
    }

    private void add(MachineDefinition machine) throws Exception {
        Connection connection = machine.connection();
        if (connection instanceof Connection.Serial serial) {
            template("machine-serial", routeId(machine), Map.of("machineId", machine.id(), "uri", serialUri(serial)));
        } else if (connection instanceof Connection.OpcUa opcUa) {
            for (int i = 0; i < machine.mapping().size(); i++) {
                template("machine-opcua", routeId(machine) + "-node-" + i, Map.of(
                        "machineId", machine.id(), "endpoint", opcUa.endpoint(),
                        "node", machine.mapping().get(i).source(),
                        "samplingInterval", opcUa.samplingInterval().toMillis()));
            }
            if (machine.umati() || opcUa.alarms()) {
                template("machine-opcua-umati", routeId(machine) + (machine.umati() ? "-umati" : "-alarms"),
                        Map.of("machineId", machine.id()));
            }
            template("machine-opcua-heartbeat", routeId(machine) + "-heartbeat", Map.of(
                    "machineId", machine.id(), "endpoint", opcUa.endpoint(),
                    "samplingInterval", opcUa.heartbeatInterval().toMillis()));
        } else if (connection instanceof Connection.MtConnect mtConnect) {
            template("machine-mtconnect", routeId(machine), Map.of(
                    "machineId", machine.id(), "pollInterval", mtConnect.pollInterval().toMillis()));
        } else if (connection instanceof Connection.Modbus modbus) {
            if (modbus.rtu()) {
                template("machine-modbus-rtu-line", routeId(machine) + "-line", Map.of("machineId", machine.id(),
                        "uri", modbus.rtuUri()));
            }
            template("machine-modbus", routeId(machine), Map.of(
                    "machineId", machine.id(), "pollInterval", modbus.pollInterval().toMillis()));
        }
        ProgramTransfer transfer = machine.programTransfer();
        if (transfer != null) {
            template("machine-nc-programs", routeId(machine) + "-nc-programs", Map.of(
                    "machineId", machine.id(), "uri", transfer.uri()));
            template("machine-nc-program-send", routeId(machine) + "-nc-program-send", Map.of(
                    "machineId", machine.id(), "uri", transfer.uri(),
                    "from", NcProgramTransfers.sendEndpoint(machine.id())));
        }
    }

    private void template(String templateId, String routeId, Map<String, Object> parameters) throws Exception {
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(camel, templateId).routeId(routeId);
        parameters.forEach(builder::parameter);
        // Camel keeps no template id on the route it makes; the console's map groups a protocol's machines by it
        builder.parameter(RouteTemplateParameterSource.TEMPLATE_ID, templateId);
        builder.add();
    }

    /** The {@code serial:} URI of a machine's link. */
    static String serialUri(Connection.Serial serial) {
        StringJoiner uri = new StringJoiner("&", "serial:" + serial.port() + "?", "");
        uri.add("framing=" + serial.framing());
        new TreeMap<>(serial.options()).forEach((name, value) -> uri.add(name + "=" + value));
        return uri.toString();
    }
}

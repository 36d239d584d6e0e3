package io.werkbridge.machine;

import io.werkbridge.connector.serial.SerialEndpoint;
import io.werkbridge.connector.serial.SerialStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * The connection status of every machine. Connected means: the serial port is open; the OPC UA server's clock
 * ticked within three heartbeat intervals (at least 5 s); the last MTConnect poll succeeded within three poll
 * intervals plus the request timeout; Modbus: the last poll had no timeout or link failure and one succeeded within
 * three poll intervals plus a timeout per register.
 */
public final class MachineStatusService {

    private static final Duration MIN_HEARTBEAT_WINDOW = Duration.ofSeconds(5);

    private final MachineRegistry machines;
    private final MachineStatusBoard board;
    private final CamelContext camel;
    private final Clock clock;

    public MachineStatusService(MachineRegistry machines, MachineStatusBoard board, CamelContext camel, Clock clock) {
        this.machines = machines;
        this.board = board;
        this.camel = camel;
        this.clock = clock;
    }

    public List<MachineStatus> all() {
        return machines.all().stream().map(this::status).toList();
    }

    public Optional<MachineStatus> one(String id) {
        return machines.find(id).map(this::status);
    }

    private MachineStatus status(MachineDefinition machine) {
        MachineStatusBoard.Snapshot s = board.snapshot(machine.id());
        SerialStatistics serial = machine.protocol() == Protocol.SERIAL ? serialStatistics(MachineRoutes.routeId(machine))
                : machine.connection() instanceof Connection.Modbus modbus && modbus.rtu()
                ? serialStatistics(MachineRoutes.routeId(machine) + "-line") : null;
        String connection;
        if (!machine.enabled()) {
            connection = "disabled";
        } else {
            connection = connected(machine, s, serial) ? "connected" : "disconnected";
        }
        return new MachineStatus(machine.id(), machine.machineNumber(), machine.machineType(), machine.protocol().id(),
                connection, s.lastEventAt(), s.lastContactAt(), s.events(),
                new MachineStatus.Errors(s.rejected(), s.unmapped(), s.connectionErrors(), s.resyncs()),
                s.lastError(), s.lastErrorAt(), serial);
    }

    private boolean connected(MachineDefinition machine, MachineStatusBoard.Snapshot s, SerialStatistics serial) {
        Connection c = machine.connection();
        if (c instanceof Connection.Serial) {
            return serial != null && serial.connected();
        }
        if (c instanceof Connection.OpcUa opcUa) {
            Duration window = opcUa.heartbeatInterval().multipliedBy(3);
            return recent(s.lastContactAt(), window.compareTo(MIN_HEARTBEAT_WINDOW) < 0 ? MIN_HEARTBEAT_WINDOW : window);
        }
        if (c instanceof Connection.Modbus modbus) {
            return !s.failing() && recent(s.lastContactAt(), modbus.pollInterval().multipliedBy(3)
                    .plus(modbus.timeout().multipliedBy(modbus.registers().size())));
        }
        Connection.MtConnect mtConnect = (Connection.MtConnect) c;
        return !s.failing() && recent(s.lastContactAt(), mtConnect.pollInterval().multipliedBy(3).plus(mtConnect.timeout()));
    }

    private boolean recent(Instant time, Duration window) {
        return time != null && !time.isBefore(clock.instant().minus(window));
    }

    /** The counters of the serial endpoint a route reads, or null while the route does not exist. */
    private SerialStatistics serialStatistics(String routeId) {
        Route route = camel.getRoute(routeId);
        if (route == null) {
            return null;
        }
        return route.getEndpoint() instanceof SerialEndpoint serial ? serial.getStatistics() : null;
    }
}

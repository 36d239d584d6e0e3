package io.werkbridge.machine.opcua;

import io.werkbridge.machine.Connection;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reconnects an OPC UA machine whose heartbeat has gone silent, with a fresh endpoint discovery. Milo's client
 * re-opens its session with the endpoint it discovered first, server certificate included: after a server restart
 * that is fine, but after the server renewed its certificate every attempt fails ("no certificate for provided
 * thumbprint") and camel-milo never discovers again. Restarting the machine's routes releases the connection
 * ({@link SecuredMiloConnections} closes it with its last user) and connects anew: the renewed certificate is
 * validated, lands in {@code pki/rejected/} until trusted, and camel-milo's own retry loop connects once it is.
 */
public final class OpcUaReconnect {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaReconnect.class);

    private final CamelContext camel;
    private final MachineRegistry machines;
    private final MachineStatusBoard status;
    private final Clock clock;
    private final Duration minimumSilence;
    private final Map<String, Instant> since = new ConcurrentHashMap<>();

    /**
     * @param minimumSilence the shortest silence that counts as lost (at least ten heartbeat intervals of a machine)
     */
    public OpcUaReconnect(CamelContext camel, MachineRegistry machines, MachineStatusBoard status, Clock clock,
                          Duration minimumSilence) {
        this.camel = camel;
        this.machines = machines;
        this.status = status;
        this.clock = clock;
        this.minimumSilence = minimumSilence;
    }

    /** Checks every {@code werkbridge.machines.opcua.reconnect-check} (default 10 s). */
    @Scheduled(fixedDelayString = "${werkbridge.machines.opcua.reconnect-check:10s}",
            initialDelayString = "${werkbridge.machines.opcua.reconnect-check:10s}")
    public void scheduledCheck() {
        check();
    }

    /**
     * Restarts the routes of every OPC UA machine without a heartbeat for its silence limit (counted from its last
     * heartbeat, its routes' start, or its last reconnect, whichever is latest).
     *
     * @return the ids of the machines reconnected
     */
    public List<String> check() {
        Instant now = clock.instant();
        return machines.all().stream()
                .filter(m -> m.enabled() && m.connection() instanceof Connection.OpcUa)
                .filter(m -> silent(m, now))
                .peek(m -> restart(m, now))
                .map(MachineDefinition::id)
                .toList();
    }

    private boolean silent(MachineDefinition machine, Instant now) {
        if (routes(machine).isEmpty()) {
            return false;
        }
        Instant reference = since.computeIfAbsent(machine.id(), id -> now);
        Instant contact = status.snapshot(machine.id()).lastContactAt();
        if (contact != null && contact.isAfter(reference)) {
            reference = contact;
        }
        Duration heartbeat = ((Connection.OpcUa) machine.connection()).heartbeatInterval();
        Duration limit = heartbeat.multipliedBy(10).compareTo(minimumSilence) > 0 ? heartbeat.multipliedBy(10) : minimumSilence;
        return Duration.between(reference, now).compareTo(limit) > 0;
    }

    private void restart(MachineDefinition machine, Instant now) {
        since.put(machine.id(), now);
        status.connectionFailed(machine.id(), "no heartbeat from the OPC UA server; reconnecting with a new endpoint"
                + " discovery (server restarted or renewed its certificate: see pki/rejected)");
        LOG.warn("machine {}: no OPC UA heartbeat; reconnecting with a new endpoint discovery", machine.id());
        List<Route> routes = routes(machine);
        try {
            for (Route route : routes) {
                camel.getRouteController().stopRoute(route.getRouteId());
            }
            for (Route route : routes) {
                camel.getRouteController().startRoute(route.getRouteId());
            }
        } catch (Exception e) {
            throw new IllegalStateException("machine " + machine.id() + ": its OPC UA routes cannot be restarted", e);
        }
    }

    private List<Route> routes(MachineDefinition machine) {
        String prefix = "machine-" + machine.id() + "-";
        return camel.getRoutes().stream().filter(r -> r.getRouteId().startsWith(prefix)).toList();
    }
}

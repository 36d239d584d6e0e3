package io.werkbridge.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waiting for an unavailable destination instead of dead-lettering its messages (route configuration {@code delivery},
 * route policy of every {@code <flow>-to-<destination>} route).
 *
 * <p>A delivery fails in a way {@link DeliveryFailures} calls unavailable: the destination starts waiting. Its
 * consumers pause: each holds the one message it has taken, in its JMS transaction (nothing is acknowledged, nothing
 * rolled back, nothing dead-lettered), and a message taken after that waits here before its first send (route
 * policy); the rest stays on the queue. The failed messages wait in the error handler's {@code onRedelivery} without
 * sending. At each probe one of them is sent again: the first probe after {@code first-probe} (or the destination's
 * Retry-After, if longer), each further one after the previous wait times {@code multiplier}, at most
 * {@code maximum-probe-interval} apart. When a probe gets through (or the destination refuses that message itself,
 * which says it is reachable), every waiting message is sent and the consumers go on with the backlog. The messages of
 * one customer stay in order: the broker gives a message group to one consumer, that consumer holds the group's
 * first message until it is delivered, and nothing is rolled back (a rollback would let the broker redeliver it later,
 * behind the group's next message). A consumer is not stopped for the same reason: Spring's listener container rolls
 * back a message it receives while stopping.
 *
 * <p>Waiting longer than {@code maximum-wait} raises an alert (an error in the log, gauge
 * {@code werkbridge.destination.waiting.alert}); the waiting goes on. When the hub stops, the waiting messages are
 * rolled back onto their queue.
 */
public final class DestinationWaiting extends RoutePolicySupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationWaiting.class);
    /** Exchange property: this exchange holds its destination's probe. */
    static final String PROBE = "WerkbridgeWaitingProbe";
    /** How often a waiting exchange looks whether the hub stops or the alert is due. */
    private static final long RECHECK_MILLIS = 500;

    private final FlowProperties flows;
    private final QueueDepths depths;
    private final Clock clock;
    private final Map<String, Waited> byRoute = new ConcurrentHashMap<>();
    /** Every destination queue, asked together for their depths. */
    private final List<String> queues = new ArrayList<>();
    public DestinationWaiting(FlowProperties flows, WaitingProperties settings, QueueDepths depths, Clock clock) {
        this.flows = flows;
        this.depths = depths;
        this.clock = clock;
        flows.flows().forEach((flow, definition) -> definition.destinationNames().forEach(destination ->
                byRoute.put(routeId(flow, destination), new Waited(flow, destination, settings.of(destination)))));
        byRoute.values().forEach(w -> queues.add(FlowProperties.queue(w.flow, w.destination)));
    }

    static String routeId(String flow, String destination) {
        return flow + "-to-" + destination;
    }

    // --- the route policy: knows each destination route, hears how its exchanges end

    @Override
    public void onInit(Route route) {
        Waited waited = byRoute.get(route.getRouteId());
        if (waited == null) {
            throw new IllegalStateException("route " + route.getRouteId() + " is not a destination route of werkbridge.flows");
        }
    }

    /** A message taken while its destination waits is not sent until the destination is found available again. */
    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Waited waited = byRoute.get(route.getRouteId());
        if (waited == null || !waited.waiting) {
            return;
        }
        synchronized (waited) {
            while (waited.waiting && !stopping(exchange.getContext())) {
                alertIfDue(waited, clock.instant());
                try {
                    waited.wait(RECHECK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // the consumer is being stopped: the message is sent once, then rolled back if it fails
                }
            }
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        if (exchange.getProperty(PROBE) == null) {
            return;
        }
        Waited waited = byRoute.get(route.getRouteId());
        synchronized (waited) {
            waited.probing = false;
            if (exchange.getException() == null) {
                // delivered, or refused for itself (parked): either way the destination answers again
                recovered(waited);
            }
            waited.notifyAll();
        }
    }

    // --- the route configuration's predicates and its onRedelivery step

    /** {@code onWhen}: a destination route's delivery failed because the destination is unavailable. */
    public boolean unavailable(Exchange exchange) {
        return waitedFor(exchange) != null && DeliveryFailures.unavailable(failure(exchange), clock).isPresent();
    }

    /** {@code retryWhile}: keep the message while its destination is unavailable, until the hub stops. */
    public boolean keepWaiting(Exchange exchange) {
        if (stopping(exchange.getContext())) {
            LOG.info("{}: hub stopping, the message waiting for its destination goes back onto its queue",
                    exchange.getFromRouteId());
            return false;
        }
        return unavailable(exchange);
    }

    /**
     * {@code onRedelivery}: notes the failure (the destination starts waiting, or its probe failed), then blocks until
     * this exchange may send again: it takes the next probe, or the destination was found available.
     */
    @Override
    public void process(Exchange exchange) {
        Waited waited = waitedFor(exchange);
        Optional<DeliveryFailures.Unavailable> why = DeliveryFailures.unavailable(failure(exchange), clock);
        if (waited == null || why.isEmpty()) {
            return;
        }
        synchronized (waited) {
            Instant now = clock.instant();
            if (exchange.removeProperty(PROBE) != null) {
                waited.probing = false;
                waited.probeFailed(why.get(), now);
            } else if (!waited.waiting) {
                waited.startWaiting(why.get(), now);
            }
            while (!stopping(exchange.getContext())) {
                now = clock.instant();
                alertIfDue(waited, now);
                if (!waited.waiting) {
                    return;
                }
                if (!waited.probing && !now.isBefore(waited.nextProbe)) {
                    waited.probing = true;
                    exchange.setProperty(PROBE, Boolean.TRUE);
                    return;
                }
                long untilProbe = Duration.between(now, waited.nextProbe).toMillis();
                try {
                    waited.wait(waited.probing ? RECHECK_MILLIS : Math.max(1, Math.min(untilProbe, RECHECK_MILLIS)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // the consumer is being stopped: one more send, then the message is rolled back
                }
            }
        }
    }

    // --- what operators see

    public List<DestinationState> states() {
        List<DestinationState> out = new ArrayList<>();
        flows.flows().forEach((flow, definition) -> definition.destinationNames().forEach(destination ->
                out.add(state(byRoute.get(routeId(flow, destination))))));
        return out;
    }

    public Optional<DestinationState> state(String flow, String destination) {
        Waited waited = byRoute.get(routeId(flow, destination));
        return waited == null ? Optional.empty()
                : Optional.of(state(waited));
    }

    private DestinationState state(Waited waited) {
        double depth = depths.depth(FlowProperties.queue(waited.flow, waited.destination), queues);
        long backlog = Double.isNaN(depth) ? -1 : (long) depth;
        synchronized (waited) {
            alertIfDue(waited, clock.instant());
            if (!waited.waiting) {
                return new DestinationState(waited.flow, waited.destination, DestinationState.DELIVERING, null, null, null,
                        0, backlog, false, waited.settings.maximumWait());
            }
            return new DestinationState(waited.flow, waited.destination,
                    waited.breakerOpen ? DestinationState.BREAKER_OPEN : DestinationState.WAITING, waited.since,
                    waited.reason, waited.nextProbe, waited.failedProbes, backlog, waited.alerted, waited.settings.maximumWait());
        }
    }

    // --- internals

    private Waited waitedFor(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        return routeId == null ? null : byRoute.get(routeId);
    }

    private static Throwable failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    private static boolean stopping(CamelContext camel) {
        return camel.isStopping() || camel.isStopped();
    }

    /** Holds the lock of {@code waited}. */
    private void recovered(Waited waited) {
        if (!waited.waiting) {
            return;
        }
        Duration waitedFor = Duration.between(waited.since, clock.instant());
        LOG.info("{}/{}: destination available again after {} s ({} failed probes); delivering its backlog",
                waited.flow, waited.destination, waitedFor.toSeconds(), waited.failedProbes);
        waited.waiting = false;
        waited.alerted = false;
    }

    /** Holds the lock of {@code waited}. */
    private static void alertIfDue(Waited waited, Instant now) {
        if (waited.waiting && !waited.alerted && Duration.between(waited.since, now).compareTo(waited.settings.maximumWait()) > 0) {
            waited.alerted = true;
            LOG.error("{}/{}: ALERT destination unavailable for more than {} (since {}, last failure: {}); its messages"
                            + " wait on the queue, none is dropped", waited.flow, waited.destination,
                    waited.settings.maximumWait(), waited.since, waited.reason);
        }
    }

    /** The waiting state of one destination route; guarded by its own monitor. */
    private static final class Waited {
        final String flow;
        final String destination;
        final WaitingProperties.Waiting settings;
        /** Written under the monitor; read without it for the quick check of every exchange. */
        volatile boolean waiting;
        boolean breakerOpen;
        boolean probing;
        boolean alerted;
        Instant since;
        Instant nextProbe;
        String reason;
        int failedProbes;

        Waited(String flow, String destination, WaitingProperties.Waiting settings) {
            this.flow = flow;
            this.destination = destination;
            this.settings = settings;
        }

        void startWaiting(DeliveryFailures.Unavailable why, Instant now) {
            waiting = true;
            since = now;
            failedProbes = 0;
            alerted = false;
            note(why, now, settings.firstProbe());
            LOG.warn("{}/{}: destination unavailable ({}); its consumers pause, its messages wait on the queue; first probe"
                    + " at {}", flow, destination, reason, nextProbe);
        }

        void probeFailed(DeliveryFailures.Unavailable why, Instant now) {
            failedProbes++;
            note(why, now, settings.probeDelay(failedProbes));
            LOG.info("{}/{}: still unavailable ({}), probe {} failed; next probe at {}", flow, destination, reason,
                    failedProbes, nextProbe);
        }

        private void note(DeliveryFailures.Unavailable why, Instant now, Duration backOff) {
            reason = why.reason();
            breakerOpen = why.breakerOpen();
            nextProbe = now.plus(backOff.compareTo(why.retryAfter()) >= 0 ? backOff : why.retryAfter());
        }
    }
}

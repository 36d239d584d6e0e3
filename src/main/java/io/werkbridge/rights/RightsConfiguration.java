package io.werkbridge.rights;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.werkbridge.messaging.BrokerErasure;
import io.werkbridge.messaging.DeadLetterQueues;
import io.werkbridge.messaging.ExpiredParkings;
import io.werkbridge.messaging.FlowProperties;
import io.werkbridge.messaging.HoldQueues;
import io.werkbridge.messaging.ParkingDecisions;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.vault.Pseudonymizer;
import io.werkbridge.privacy.vault.SealedBox;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the rights requests: targets from configuration, the store, the service, and the scheduled worker. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RightsConfiguration {

    /**
     * The time rights requests are received, due and worked by, and retention counts ages by: the system clock, or a
     * Clock bean (tests move it).
     */
    private final Clock clock;

    public RightsConfiguration() {
        this.clock = Clock.systemUTC();
    }

    @Autowired
    RightsConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Payloads and exports still sealed in the former format are converted before anything reads them. */
    @Bean
    RightsStore rightsStore(JdbcTemplate jdbc, SealedBox box, ValueOperators operators) {
        RightsStore store = new RightsStore(jdbc, clock);
        store.convertFormerCiphertexts(box, HexFormat.of().parseHex(operators.hash(RightsStore.FORMER_SEALING_LABEL)));
        return store;
    }

    /**
     * The hub's own stores; with the embedded broker, an erasure also removes the messages about the subject still
     * on it (a message is about the subject when the gate finds the subject's key in it) and compacts the journal.
     */
    @Bean
    OwnStoresTarget ownStoresTarget(DisclosureSearch disclosures, Pseudonymizer vault, JdbcTemplate jdbc, HoldQueues holds,
                                    DeadLetterQueues deadLetters, FlowProperties flows, PolicyStore policies,
                                    ObjectProvider<BrokerErasure> broker) {
        BrokerErasure erasure = broker.getIfAvailable();
        OwnStoresTarget.BrokerMessages messages = erasure == null ? key -> 0
                : key -> erasure.eraseMatching(body -> SubjectMessages.about(policies.gate(), body, key));
        return new OwnStoresTarget(disclosures, vault, jdbc, new ParkedMessagesAbout(holds, deadLetters, flows, policies), messages);
    }

    /** Rights messages to recipients pass the recipient destination's gate and are recorded like deliveries. */
    @Bean
    RecipientGate recipientGate(PolicyStore policies, DisclosureLog disclosures) {
        return new RecipientGate(policies::gate, disclosures, clock);
    }

    @Bean
    RightsTargets rightsTargets(RightsProperties properties, OwnStoresTarget own, RecipientGate gate, ObjectProvider<RightsTarget> contributed) {
        Map<String, RightsTarget> targets = new LinkedHashMap<>();
        properties.systems().forEach((name, endpoint) ->
                targets.put(name, new HttpRightsTarget(name, endpoint.url(), endpoint.username(), endpoint.password(), gate)));
        // targets a connector contributes as beans (e.g. the ERP over SOAP), each enabled by its own property
        contributed.orderedStream().filter(target -> target != own).forEach(target -> {
            if (targets.putIfAbsent(target.system(), target) != null) {
                throw new IllegalStateException("rights target '" + target.system()
                        + "' is configured twice: under werkbridge.rights.systems and as a connector's target; keep one");
            }
        });
        targets.put(own.system(), own);
        return new RightsTargets(targets);
    }

    @Bean
    RightsService rightsService(RightsStore store, RightsTargets targets, OwnStoresTarget own, JdbcSubjectRestrictions restrictions,
                                ValueOperators operators, SealedBox box, RightsProperties properties,
                                HoldQueues holds, FlowProperties flows) {
        // a lifted restriction is the hub's own decision to release, recorded as such
        ParkingDecisions.Decider rights = new ParkingDecisions.Decider("system:rights", "restriction of processing lifted");
        Runnable releaseHolds = () -> flows.flows().forEach((flow, definition) ->
                definition.destinationNames().forEach(destination -> holds.release(flow, destination, null, rights)));
        return new RightsService(store, targets.external(), own, restrictions, operators, box, properties, releaseHolds, clock);
    }

    @Bean
    RightsWorker rightsWorker(RightsStore store, RightsTargets targets, SealedBox box, RightsProperties properties) {
        return new RightsWorker(store, targets.all(), box, properties, clock);
    }

    @Bean
    RightsExport rightsExport(RightsStore store, OwnStoresTarget own, SealedBox box) {
        return new RightsExport(store, own, box, clock);
    }

    /**
     * {@code werkbridge.rights.overdue}: unfinished requests past their due date. A count only, no labels: nothing
     * about the subjects or the requests leaves in metrics.
     */
    @Bean
    MeterBinder rightsMetrics(RightsStore store) {
        return registry -> Gauge.builder("werkbridge.rights.overdue", store, RightsStore::countOverdue)
                .description("Data-subject requests past their due date, not completed and not closed by a DPO")
                .register(registry);
    }

    @Bean
    ScheduledRightsWork scheduledRightsWork(RightsWorker worker) {
        return new ScheduledRightsWork(worker);
    }

    @Bean(destroyMethod = "close")
    CustomerContracts customerContracts(JdbcTemplate jdbc) {
        return new CustomerContracts(jdbc, Clock.systemUTC());
    }

    @Bean
    RetentionService retentionService(RetentionProperties properties, DisclosureLog disclosures, Pseudonymizer vault,
                                      CustomerContracts contracts, ExpiredParkings parkings, JdbcTemplate jdbc) {
        return new RetentionService(properties, disclosures, vault, contracts, parkings::olderThan, jdbc, clock);
    }

    @Bean
    ScheduledRetention scheduledRetention(RetentionService retention, RetentionProperties properties) {
        return new ScheduledRetention(retention, properties);
    }

    /** Runs retention on its schedule ({@code werkbridge.retention.cron}, nightly by default). */
    static final class ScheduledRetention {
        private final RetentionService retention;
        private final RetentionProperties properties;

        ScheduledRetention(RetentionService retention, RetentionProperties properties) {
            this.retention = retention;
            this.properties = properties;
        }

        @Scheduled(cron = "${werkbridge.retention.cron:0 30 3 * * *}")
        void run() {
            retention.run(properties.dryRun());
        }
    }

    /** Every target by system name; {@code external()} leaves out the hub's own stores. */
    public record RightsTargets(Map<String, RightsTarget> all) {
        Map<String, RightsTarget> external() {
            Map<String, RightsTarget> external = new LinkedHashMap<>(all);
            external.remove(OwnStoresTarget.SYSTEM);
            return external;
        }
    }

    /** Runs the worker on a fixed delay. */
    static final class ScheduledRightsWork {
        private final RightsWorker worker;

        ScheduledRightsWork(RightsWorker worker) {
            this.worker = worker;
        }

        @Scheduled(fixedDelayString = "${werkbridge.rights.worker-interval:1000}")
        void run() {
            worker.runDue();
        }
    }
}

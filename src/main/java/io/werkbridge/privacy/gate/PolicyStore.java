package io.werkbridge.privacy.gate;

import io.werkbridge.privacy.policy.PolicyException;
import io.werkbridge.privacy.policy.PolicyLoader;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the policy in force and the gate built from it; a rejected reload keeps the last good policy. */
public final class PolicyStore {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);

    private final PolicyLoader loader;
    private final String location;
    private final ValueOperators operators;
    private final SubjectRestrictions restrictions;
    private final Clock clock;
    private final AtomicReference<PrivacyGate> current = new AtomicReference<>();
    private final AtomicReference<PolicyStatus> status = new AtomicReference<>();
    private final List<Function<PrivacyPolicy, List<String>>> reloadChecks = new CopyOnWriteArrayList<>();

    /** What an operator needs to know about the policy in force and the last reload attempt. No values. */
    public record PolicyStatus(String version, String location, Instant loadedAt, Instant lastAttemptAt, List<String> lastProblems) {
        public PolicyStatus {
            lastProblems = List.copyOf(lastProblems);
        }

        public boolean lastReloadRejected() {
            return !lastProblems.isEmpty();
        }
    }

    /** Loads the policy now; a bad policy at start-up stops the hub with a message naming the problems. */
    public PolicyStore(PolicyLoader loader, String location, ValueOperators operators,
                       SubjectRestrictions restrictions, Clock clock) {
        this.loader = loader;
        this.location = location;
        this.operators = operators;
        this.restrictions = restrictions;
        this.clock = clock;
        PrivacyPolicy policy = loader.load(location);
        current.set(new PrivacyGate(policy, operators, restrictions, clock));
        Instant now = clock.instant();
        status.set(new PolicyStatus(policy.version(), location, now, now, List.of()));
        LOG.info("privacy policy {} loaded from {}: {} destinations, {} processors", policy.version(), location,
                policy.destinations().size(), policy.processors().size());
    }

    public PrivacyGate gate() {
        return current.get();
    }

    public PrivacyPolicy policy() {
        return current.get().policy();
    }

    public PolicyStatus status() {
        return status.get();
    }

    public String location() {
        return location;
    }

    /**
     * A check a reloaded policy must pass besides its own rules, e.g. that every running route's destination keeps its
     * policy; the check answers the problems, none when the policy may replace the one in force.
     */
    public void addReloadCheck(Function<PrivacyPolicy, List<String>> check) {
        reloadChecks.add(check);
    }

    /** Re-reads the files; on any problem the policy in force stays and the exception says why. */
    public PrivacyPolicy reload() {
        try {
            PrivacyPolicy policy = loader.load(location);
            List<String> problems = reloadChecks.stream().flatMap(check -> check.apply(policy).stream()).toList();
            if (!problems.isEmpty()) {
                throw new PolicyException(problems);
            }
            current.set(new PrivacyGate(policy, operators, restrictions, clock));
            Instant now = clock.instant();
            status.set(new PolicyStatus(policy.version(), location, now, now, List.of()));
            LOG.info("privacy policy {} reloaded from {}", policy.version(), location);
            return policy;
        } catch (PolicyException e) {
            PolicyStatus before = status.get();
            status.set(new PolicyStatus(before.version(), location, before.loadedAt(), clock.instant(), e.problems()));
            LOG.error("privacy policy reload rejected, keeping version {}: {}", policy().version(), e.getMessage());
            throw e;
        }
    }
}

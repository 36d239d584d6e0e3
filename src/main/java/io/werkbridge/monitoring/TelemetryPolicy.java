package io.werkbridge.monitoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.operator.IpTruncation;
import io.werkbridge.privacy.policy.Action;
import io.werkbridge.privacy.policy.ActionType;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import io.werkbridge.privacy.text.PiiTextScanner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of one telemetry attribute may reach the {@code monitoring} destination (the OTLP receiver, processor
 * Dynatrace): the attribute gets a data category from its key and value, and the monitoring destination's action
 * for that category in the live privacy policy decides: {@code technical} kept, {@code access.ip} truncated
 * ({@code truncate-ip}), any other category (a user, a subject, a message value) dropped, as is a value in which the
 * PII finders see personal data. Decisions are cached: attributes repeat (method, status, route template).
 */
public final class TelemetryPolicy {

    static final String DESTINATION = "monitoring";
    static final String TECHNICAL = "technical";
    static final String ACCESS_IP = "access.ip";
    /** Access data that names or identifies a person (a user, a session, a subject). */
    static final String ACCESS = "access";

    /** Keys whose value is a network address of a client or peer. */
    private static final Set<String> IP_KEYS = Set.of("client.address", "client.ip", "http.client_ip",
            "network.peer.address", "net.sock.peer.addr", "net.peer.ip", "source.address", "remote.address",
            "net.sock.host.addr", "network.local.address");
    /** Key parts that name a person or point at one: never telemetry. */
    private static final List<String> PERSON_KEY_PARTS = List.of("user", "principal", "enduser", "login", "session",
            "email", "mail", "customer", "subject", "contact", "person", "operator", "technician", "phone");
    /** Keys that carry request or message values (full URLs with their path values and query, statements, error texts). */
    private static final Set<String> VALUE_KEYS = Set.of("http.url", "url.full", "url.path", "url.query", "http.target",
            "uri.full", "db.statement", "db.query.text", "exception.message", "exception.stacktrace", "message",
            "messaging.message.id", "messaging.message.body", "error.message", "http.user_agent", "user_agent.original");
    private static final Pattern IP_LITERAL = Pattern.compile("\\[?[0-9a-fA-F:.]+(%[A-Za-z0-9]+)?]?");

    private final PolicyStore policies;
    private final PiiTextScanner scanner = new PiiTextScanner();
    private final Cache<String, Optional<String>> decisions = Caffeine.newBuilder().maximumSize(10_000).build();

    public TelemetryPolicy(PolicyStore policies) {
        this.policies = policies;
    }

    /** The attribute's value as the monitoring destination may receive it, or empty when it must be dropped. */
    public Optional<String> disclose(String key, String value) {
        if (key == null || value == null) {
            return Optional.empty();
        }
        PrivacyPolicy policy = policies.policy();
        // the policy version is part of the key: a reload decides anew
        return decisions.get(policy.version() + '\u0000' + key + '\u0000' + value, k -> decide(policy, key, value));
    }

    private Optional<String> decide(PrivacyPolicy policy, String key, String value) {
        String category = categoryOf(key, value);
        if (category == null) {
            return Optional.empty();
        }
        // a technical attribute whose value the PII finders flag (an e-mail, a phone, an IBAN) is no longer technical
        if (TECHNICAL.equals(category) && !scanner.find(value, List.of()).isEmpty()) {
            return Optional.empty();
        }
        Action action = policy.destination(DESTINATION)
                .map(d -> d.actionFor(category, policy.taxonomy()))
                // no monitoring destination in the policy: nothing personal leaves (fail closed)
                .orElse(policy.taxonomy().isPersonal(category) ? Action.DROP : Action.ALLOW);
        if (action.type() == ActionType.ALLOW) {
            return Optional.of(value);
        }
        if (action.type() == ActionType.TRUNCATE_IP && ACCESS_IP.equals(category)) {
            try {
                return Optional.of(IpTruncation.truncate(unbracketed(value)));
            } catch (IllegalArgumentException notAnAddress) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The attribute's data category; null for a message value, which is never telemetry. */
    static String categoryOf(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        if (VALUE_KEYS.contains(k)) {
            return null;
        }
        if (IP_KEYS.contains(k) || isIpLiteral(value)) {
            return ACCESS_IP;
        }
        for (String part : PERSON_KEY_PARTS) {
            if (k.contains(part)) {
                return ACCESS;
            }
        }
        return TECHNICAL;
    }

    private static boolean isIpLiteral(String value) {
        if (value.isEmpty() || value.length() > 64 || !IP_LITERAL.matcher(value).matches()
                || (value.indexOf('.') < 0 && value.indexOf(':') < 0)) {
            return false;
        }
        try {
            IpTruncation.truncate(unbracketed(value));
            return true;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static String unbracketed(String value) {
        return value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
    }
}

package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureQuery;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.operator.TokenShapes;
import io.werkbridge.privacy.vault.Pseudonymizer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Werkbridge's own stores: the disclosure log (who received what, for which purpose), the pseudonym vault, the
 * restrictions and the messages parked on the broker. The hub keeps no copy of master data, so there is nothing of
 * its own to rectify. A subject named by e-mail only is found through the vault: the e-mail's token names the
 * subject references it was stored for.
 */
public final class OwnStoresTarget implements RightsTarget {

    public static final String SYSTEM = "werkbridge";
    /** In the hub's export data: the subject references the export was collected for (found through the e-mail too). */
    static final String SUBJECT_REFS = "subjectRefs";
    private final DisclosureSearch disclosures;
    private final Pseudonymizer vault;
    private final JdbcTemplate jdbc;
    private final ParkedMessagesAbout parked;
    private final BrokerMessages brokerMessages;

    /** The messages about a subject still on the broker (held, dead-lettered, waiting), removed at its erasure. */
    @FunctionalInterface
    public interface BrokerMessages {
        /** @return how many messages were removed; the broker's journal no longer holds their values afterwards */
        int eraseAbout(String subjectKey);
    }

    public OwnStoresTarget(DisclosureSearch disclosures, Pseudonymizer vault, JdbcTemplate jdbc) {
        this(disclosures, vault, jdbc, null, key -> 0);
    }

    /**
     * @param parked held and dead-lettered messages for access exports; null where there is no broker (unit tests)
     * @param brokerMessages removes the messages about an erased subject from the broker
     */
    public OwnStoresTarget(DisclosureSearch disclosures, Pseudonymizer vault, JdbcTemplate jdbc, ParkedMessagesAbout parked,
                           BrokerMessages brokerMessages) {
        this.brokerMessages = brokerMessages;
        this.disclosures = disclosures;
        this.vault = vault;
        this.jdbc = jdbc;
        this.parked = parked;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public TargetOutcome execute(RightsRequestType type, SubjectIds subject, JsonNode corrections) {
        if (type.collects()) {
            Optional<String> emailToken = subject.email() == null ? Optional.empty()
                    : vault.existingToken(subject.email(), TokenShapes.Shape.EMAIL);
            Set<String> refs = new TreeSet<>(subject.refs());
            if (subject.subjectKey() != null) {
                refs.add(subject.subjectKey()); // the vault and the restrictions key a person as customer/person
            }
            emailToken.ifPresent(token -> refs.addAll(jdbc.queryForList(
                    "SELECT subject_ref FROM pseudonym_vault_subject WHERE token = ?", String.class, token)));
            ObjectNode data = CanonicalJson.mapper().createObjectNode();
            data.set(SUBJECT_REFS, CanonicalJson.tree(refs));
            data.set("disclosures", CanonicalJson.tree(disclosuresOf(refs)));
            data.set("restrictions", CanonicalJson.tree(restrictionsOf(refs)));
            data.put("pseudonyms", pseudonymsOf(subject));
            data.set("tokens", tokensOf(refs, emailToken));
            data.set("parkedMessages", CanonicalJson.tree(parked == null ? List.of() : parked.about(refs)));
            return new TargetOutcome("exported", CanonicalJson.write(data));
        }
        if (type == RightsRequestType.ERASURE) {
            // exactly this subject: a contact's erasure never touches the customer's other contacts or technicians
            String key = subject.subjectKey();
            int forgotten = key == null ? 0 : vault.forgetSubject(key);
            int messages = key == null ? 0 : brokerMessages.eraseAbout(key);
            return new TargetOutcome("pseudonym vault: " + forgotten + " entr" + (forgotten == 1 ? "y" : "ies")
                    + " deleted, tokens can no longer be reversed; broker: " + messages + " message(s) about the subject removed"
                    + "; disclosure log kept as proof of lawful disclosure", null);
        }
        return new TargetOutcome("nothing to " + type.id() + ": the hub keeps no copy of master data", null);
    }

    /** Every disclosure about the subject's references, newest first. */
    public List<io.werkbridge.privacy.audit.DisclosureEntry> disclosuresOf(SubjectIds subject) {
        return disclosuresOf(subject.refs());
    }

    /** Every disclosure about any of these references, newest first. */
    public List<io.werkbridge.privacy.audit.DisclosureEntry> disclosuresOf(Set<String> refs) {
        return refs.stream()
                .flatMap(ref -> disclosures.find(new DisclosureQuery(ref, null, null, null, DisclosureQuery.MAX_LIMIT)).stream())
                .distinct()
                .toList();
    }

    private List<java.util.Map<String, Object>> restrictionsOf(Set<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", refs.stream().map(r -> "?").toList());
        return jdbc.queryForList("SELECT subject_ref, purpose, kind, created_at FROM subject_restriction WHERE subject_ref IN (" + marks + ")",
                refs.toArray());
    }

    /**
     * The subject's tokens and the values behind them (Art. 15: the subject may know what the pseudonyms stand
     * for); the export is sealed at rest like every collected export.
     */
    private ArrayNode tokensOf(Set<String> refs, Optional<String> emailToken) {
        Set<String> tokens = new TreeSet<>();
        emailToken.ifPresent(tokens::add);
        if (!refs.isEmpty()) {
            String marks = String.join(",", refs.stream().map(r -> "?").toList());
            tokens.addAll(jdbc.queryForList("SELECT DISTINCT token FROM pseudonym_vault_subject WHERE subject_ref IN (" + marks + ")",
                    String.class, refs.toArray()));
        }
        ArrayNode out = CanonicalJson.mapper().createArrayNode();
        tokens.forEach(token -> vault.detokenize(token).ifPresent(value -> out.addObject().put("token", token).put("value", value)));
        return out;
    }

    private int pseudonymsOf(SubjectIds subject) {
        if (subject.subjectKey() == null) {
            return 0;
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault_subject WHERE subject_ref = ?", Integer.class, subject.subjectKey());
        return n == null ? 0 : n;
    }
}

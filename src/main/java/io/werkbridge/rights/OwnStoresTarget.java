package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureQuery;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.vault.Pseudonymizer;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Werkbridge's own stores: the disclosure log (who received what, for which purpose), the pseudonym vault, and the
 * restrictions. The hub keeps no copy of master data, so there is nothing of its own to rectify.
 */
public final class OwnStoresTarget implements RightsTarget {

    public static final String SYSTEM = "werkbridge";
    private final DisclosureSearch disclosures;
    private final Pseudonymizer vault;
    private final JdbcTemplate jdbc;
    private final BrokerMessages brokerMessages;

    /** The messages about a subject still on the broker (held, dead-lettered, waiting), removed at its erasure. */
    @FunctionalInterface
    public interface BrokerMessages {
        /** @return how many messages were removed; the broker's journal no longer holds their values afterwards */
        int eraseAbout(String subjectKey);
    }

    public OwnStoresTarget(DisclosureSearch disclosures, Pseudonymizer vault, JdbcTemplate jdbc) {
        this(disclosures, vault, jdbc, key -> 0);
    }

    public OwnStoresTarget(DisclosureSearch disclosures, Pseudonymizer vault, JdbcTemplate jdbc, BrokerMessages brokerMessages) {
        this.brokerMessages = brokerMessages;
        this.disclosures = disclosures;
        this.vault = vault;
        this.jdbc = jdbc;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public TargetOutcome execute(RightsRequestType type, SubjectIds subject, JsonNode corrections) {
        if (type.collects()) {
            ObjectNode data = CanonicalJson.mapper().createObjectNode();
            data.set("disclosures", CanonicalJson.tree(disclosuresOf(subject)));
            data.set("restrictions", CanonicalJson.tree(restrictionsOf(subject)));
            data.put("pseudonyms", pseudonymsOf(subject));
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
        return subject.refs().stream()
                .flatMap(ref -> disclosures.find(new DisclosureQuery(ref, null, null, null, DisclosureQuery.MAX_LIMIT)).stream())
                .distinct()
                .toList();
    }

    private List<java.util.Map<String, Object>> restrictionsOf(SubjectIds subject) {
        if (subject.subjectKey() == null) {
            return List.of();
        }
        return jdbc.queryForList("SELECT subject_ref, purpose, kind, created_at FROM subject_restriction WHERE subject_ref = ?",
                subject.subjectKey());
    }

    private int pseudonymsOf(SubjectIds subject) {
        if (subject.subjectKey() == null) {
            return 0;
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault_subject WHERE subject_ref = ?", Integer.class, subject.subjectKey());
        return n == null ? 0 : n;
    }
}

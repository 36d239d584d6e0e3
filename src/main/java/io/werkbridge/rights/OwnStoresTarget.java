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

    public OwnStoresTarget(DisclosureSearch disclosures, Pseudonymizer vault, JdbcTemplate jdbc) {
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
            int forgotten = subject.refs().stream().mapToInt(vault::forgetSubject).sum();
            return new TargetOutcome("pseudonym vault: " + forgotten + " entr" + (forgotten == 1 ? "y" : "ies")
                    + " deleted, tokens can no longer be reversed; disclosure log kept as proof of lawful disclosure", null);
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
        if (subject.refs().isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", subject.refs().stream().map(r -> "?").toList());
        return jdbc.queryForList("SELECT subject_ref, purpose, kind, created_at FROM subject_restriction WHERE subject_ref IN (" + marks + ")",
                subject.refs().toArray());
    }

    private int pseudonymsOf(SubjectIds subject) {
        return subject.refs().stream().mapToInt(ref -> {
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault_subject WHERE subject_ref = ?", Integer.class, ref);
            return n == null ? 0 : n;
        }).sum();
    }
}

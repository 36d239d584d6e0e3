package io.werkbridge.rights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureEntry;
import io.werkbridge.privacy.vault.SealedBox;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The machine-readable answer to an access or portability request: what each system holds, the recipients and
 * purposes from the disclosure log, and notes such as records kept de-identified for tax reasons.
 */
public final class RightsExport {

    private final RightsStore store;
    private final OwnStoresTarget own;
    private final SealedBox box;
    private final Clock clock;

    public RightsExport(RightsStore store, OwnStoresTarget own, SealedBox box, Clock clock) {
        this.store = store;
        this.own = own;
        this.box = box;
        this.clock = clock;
    }

    public ObjectNode json(RightsRequest request) {
        ObjectNode out = CanonicalJson.mapper().createObjectNode();
        out.put("requestId", request.id());
        out.put("type", request.type().id());
        out.put("state", request.state().name());
        out.put("generatedAt", clock.instant().toString());
        ObjectNode subject = out.putObject("subject");
        subject.put("customerNumber", request.customerNumber());
        subject.put("contactId", request.contactId());
        ObjectNode systems = out.putObject("systems");
        Map<String, String> data = new TreeMap<>();
        store.exports(request.id()).forEach(row -> data.put(row[0], box.open(row[1], RightsStore.exportRow(request.id(), row[0]))));
        ArrayNode notes = out.putArray("notes");
        request.tasks().forEach(task -> {
            ObjectNode system = systems.putObject(task.system());
            system.put("state", task.state().name());
            system.put("result", task.result());
            system.put("error", task.lastError());
            if (data.containsKey(task.system())) {
                system.set("data", CanonicalJson.read(data.get(task.system())));
            }
            if (task.result() != null && task.result().contains("de-identified")) {
                notes.add(task.system() + ": " + task.result());
            }
        });
        out.set("recipients", CanonicalJson.tree(recipients(request)));
        return out;
    }

    /** One row per recipient: destination, processor, purpose, legal basis, categories, first and last disclosure. */
    public List<Recipient> recipients(RightsRequest request) {
        Map<String, Recipient> byDestination = new TreeMap<>();
        for (DisclosureEntry d : own.disclosuresOf(subjectRefs(request))) {
            byDestination.merge(d.destination(), Recipient.of(d), Recipient::merge);
        }
        return List.copyOf(byDestination.values());
    }

    /**
     * The references the request names; for a subject named by e-mail only, those the hub found through the
     * e-mail's vault token when it collected its export (none before that).
     */
    private Set<String> subjectRefs(RightsRequest request) {
        Set<String> refs = new TreeSet<>();
        if (request.customerNumber() != null) {
            refs.add(request.customerNumber());
        }
        if (request.contactId() != null) {
            refs.add(request.contactId());
        }
        if (refs.isEmpty()) {
            store.exports(request.id()).stream().filter(row -> OwnStoresTarget.SYSTEM.equals(row[0]))
                    .map(row -> CanonicalJson.read(box.open(row[1], RightsStore.exportRow(request.id(), row[0]))))
                    .forEach(data -> data.path(OwnStoresTarget.SUBJECT_REFS).forEach(ref -> refs.add(ref.asText())));
        }
        return refs;
    }

    /** CSV of one record type: {@code recipients} or {@code systems}. */
    public String csv(RightsRequest request, String records) {
        StringBuilder out = new StringBuilder();
        if ("systems".equals(records)) {
            out.append("system,state,attempts,result,error\n");
            request.tasks().forEach(t -> out.append(cells(t.system(), t.state().name(), String.valueOf(t.attempts()), t.result(), t.lastError())));
        } else if ("recipients".equals(records)) {
            out.append("destination,processor,purpose,legal_basis,categories,first_disclosure,last_disclosure,disclosures\n");
            recipients(request).forEach(r -> out.append(cells(r.destination(), r.processor(), r.purpose(), r.legalBasis(),
                    String.join(" ", r.categories()), r.first(), r.last(), String.valueOf(r.count()))));
        } else {
            throw new IllegalArgumentException("records must be 'recipients' or 'systems'");
        }
        return out.toString();
    }

    private static String cells(String... values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i];
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            row.append(i == 0 ? "" : ",").append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return row.append('\n').toString();
    }

    /** A recipient of the subject's data according to the disclosure log. */
    public record Recipient(String destination, String processor, String purpose, String legalBasis,
                            TreeSet<String> categories, String first, String last, int count) {

        static Recipient of(DisclosureEntry d) {
            TreeSet<String> categories = new TreeSet<>(d.categoriesSent());
            categories.addAll(d.categoriesMasked());
            String at = d.occurredAt().toString();
            return new Recipient(d.destination(), d.processor(), d.purpose(), d.legalBasis(), categories, at, at, 1);
        }

        Recipient merge(Recipient other) {
            TreeSet<String> categories = new TreeSet<>(this.categories);
            categories.addAll(other.categories);
            return new Recipient(destination, processor, purpose, legalBasis, categories,
                    first.compareTo(other.first) <= 0 ? first : other.first, last.compareTo(other.last) >= 0 ? last : other.last,
                    count + other.count);
        }
    }
}

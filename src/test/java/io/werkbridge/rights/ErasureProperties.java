package io.werkbridge.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.PolicyFixtures;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.gate.PrivacyGate;
import io.werkbridge.privacy.gate.SubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.vault.PseudonymVault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For generated customers with contacts and technicians, whose values (e-mail addresses, technicians' names) are
 * drawn from small pools so that subjects share some: the tokens the real gate issued (the app tokenizes e-mails,
 * the portal technicians' names) are erased for exactly one subject. Every token of every other subject still
 * resolves to its value, and the portal's stable pseudonym for every other technician is unchanged.
 */
class ErasureProperties {

    private static final byte[] KEY = "erasure-properties-key-0123456789abcd".getBytes(StandardCharsets.UTF_8);

    /** One person of a customer: a contact (e-mail) or a technician (last name). */
    record Person(String customer, String id, boolean technician, String value) {
        String key() {
            return customer + "/" + id;
        }
    }

    @Property(tries = 40)
    void erasingOneSubjectLeavesEveryOtherSubjectsTokensResolvable(@ForAll("people") List<Person> people, @ForAll("index") int pick) {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        PseudonymVault vault = new PseudonymVault(jdbc, KEY);
        PrivacyGate gate = new PrivacyGate(PolicyFixtures.shipped(), new ValueOperators(KEY, vault), SubjectRestrictions.NONE, Clock.systemUTC());
        Map<Person, String> tokens = new HashMap<>();
        for (Person person : people) {
            tokens.put(person, tokenOf(gate, person));
        }
        Person erased = people.get(pick % people.size());

        new OwnStoresTarget(new DisclosureSearch(ds), vault, jdbc)
                .execute(RightsRequestType.ERASURE, new SubjectIds(erased.customer(), erased.id(), null), null);

        for (Person other : people) {
            if (other.key().equals(erased.key())) {
                continue;
            }
            assertThat(vault.detokenize(tokens.get(other))).as("token of %s", other.key()).contains(other.value());
            assertThat(tokenOf(gate, other)).as("stable pseudonym of %s", other.key()).isEqualTo(tokens.get(other));
        }
        boolean sharedWithOther = people.stream().anyMatch(p -> !p.key().equals(erased.key()) && p.technician() == erased.technician()
                && p.value().equals(erased.value()));
        if (!sharedWithOther) {
            assertThat(vault.detokenize(tokens.get(erased))).as("erased subject's token").isEmpty();
        }
    }

    private static String tokenOf(PrivacyGate gate, Person person) {
        ObjectNode envelope = CanonicalJson.mapper().createObjectNode();
        envelope.put("messageId", UUID.randomUUID().toString()).put("operation", "upsert").put("source", "test")
                .put("occurredAt", "2026-11-26T09:00:00Z");
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        body.put("customerNumber", person.customer());
        if (person.technician()) {
            envelope.put("type", "service-report").put("key", "SR-" + person.id());
            body.put("reportNumber", "SR-" + person.id());
            body.putObject("technician").put("id", person.id()).put("firstName", "Jan").put("lastName", person.value());
            envelope.set("body", body);
            return gate.filter("portal", envelope).filtered().path("body").path("technician").path("lastName").asText();
        }
        envelope.put("type", "customer").put("key", person.customer());
        ArrayNode contacts = body.putArray("contacts");
        // another contact of the same customer in the same record: its value must not become the erased one's
        contacts.addObject().put("id", "K-OTHER").put("email", "other-" + person.customer() + "@example.com");
        contacts.addObject().put("id", person.id()).put("email", person.value());
        envelope.set("body", body);
        JsonNode filtered = gate.filter("app", envelope).filtered().path("body").path("contacts");
        return filtered.get(1).path("email").asText();
    }

    @Provide
    Arbitrary<List<Person>> people() {
        Arbitrary<String> customer = Arbitraries.of("100234", "100235", "200001");
        Arbitrary<Person> contact = Combinators.combine(customer, Arbitraries.integers().between(1, 6),
                        Arbitraries.of("erika@example.com", "info@example.com", "max@example.com", "jo@example.com"))
                .as((c, n, email) -> new Person(c, "K-" + n, false, email));
        Arbitrary<Person> technician = Combinators.combine(customer, Arbitraries.integers().between(1, 4),
                        Arbitraries.of("Schrauber", "Dreher", "Fraeser"))
                .as((c, n, name) -> new Person(c, "T-" + n, true, name));
        return Arbitraries.oneOf(contact, technician).list().ofMinSize(2).ofMaxSize(8)
                .uniqueElements(p -> p.key()).map(ArrayList::new);
    }

    @Provide
    Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 7);
    }
}

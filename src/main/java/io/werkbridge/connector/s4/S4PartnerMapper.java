package io.werkbridge.connector.s4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import io.werkbridge.model.PartyKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One {@code A_BusinessPartner} of API_BUSINESS_PARTNER (with its expanded addresses, e-mail addresses, phone
 * numbers, customer, bank details and tax numbers) to a canonical customer upsert. Mapping table with the category
 * of each field in docs/erp.md. Only what S/4 gives is written; nothing is invented.
 *
 * <p>The message id is a name-based UUID of the partner, its change time and its canonical content: a partner read
 * twice unchanged (an overlap of the change polling, a load resumed after a restart, an event for a change the
 * polling saw) is the same message and is delivered once; a new state is a new message, even within the same second.
 */
final class S4PartnerMapper {

    static final String SOURCE = "s4";
    /** BusinessPartnerCategory: 1 person, 2 organization, 3 group (of organizations). */
    private static final String PERSON = "1";
    /** An EU VAT registration number's tax type: the country and 0 (DE0, AT0, FR0, ...). */
    private static final Pattern VAT_TAX_TYPE = Pattern.compile("[A-Z]{2}0");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=[0-9])");

    private S4PartnerMapper() {
    }

    /** A partner mapped: the envelope, whether S/4 blocks it, and when it last changed (creation if never changed). */
    record Mapped(String partner, Envelope envelope, boolean blocked, Instant changedAt) {
    }

    /** @return empty when the partner is not a customer and only customers are wanted */
    static Optional<Mapped> map(JsonNode bp, boolean customersOnly, Instant now) {
        String partner = text(bp, "BusinessPartner");
        if (partner == null) {
            throw new S4Exception("an A_BusinessPartner without BusinessPartner (the key) was read");
        }
        String customer = Optional.ofNullable(text(bp, "Customer")).orElse(text(bp.path("to_Customer"), "Customer"));
        if (customer == null && customersOnly) {
            return Optional.empty();
        }
        String number = withoutZeros(customer != null ? customer : partner);
        boolean person = PERSON.equals(text(bp, "BusinessPartnerCategory")) || "X".equals(text(bp, "IsNaturalPerson"));

        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("customerNumber", number);
        ObjectNode company = body.putObject("company").put("kind", (person ? PartyKind.PERSON : PartyKind.ORGANIZATION).json());
        put(company, "name", name(bp, person));
        put(company, "vatId", vatId(bp.path("to_BusinessPartnerTax")));
        JsonNode address = first(bp.path("to_BusinessPartnerAddress"));
        String email = preferred(address.path("to_EmailAddress"), "IsDefaultEmailAddress", "EmailAddress");
        String phone = phone(address.path("to_PhoneNumber"));
        if (!person) {
            put(company, "email", email);
            put(company, "phone", phone);
        }
        ObjectNode postal = CanonicalJson.mapper().createObjectNode();
        put(postal, "street", joined(text(address, "StreetName"), text(address, "HouseNumber")));
        put(postal, "postalCode", text(address, "PostalCode"));
        put(postal, "city", text(address, "CityName"));
        put(postal, "country", text(address, "Country"));
        if (!postal.isEmpty()) {
            company.set("address", postal);
        }
        ArrayNode contacts = body.putArray("contacts");
        if (person) {
            // a natural person is the customer and its own contact: the shop's customer person, the rights subject
            ObjectNode self = contacts.addObject().put("id", withoutZeros(partner));
            put(self, "firstName", text(bp, "FirstName"));
            put(self, "lastName", text(bp, "LastName"));
            put(self, "email", email);
            put(self, "phone", phone);
        }
        ArrayNode banks = body.putArray("bankAccounts");
        for (JsonNode bank : results(bp.path("to_BusinessPartnerBank"))) {
            ObjectNode account = CanonicalJson.mapper().createObjectNode();
            put(account, "iban", text(bank, "IBAN"));
            put(account, "bic", text(bank, "SWIFTCode"));
            put(account, "holder", text(bank, "BankAccountHolderName"));
            if (!account.isEmpty()) {
                banks.add(account);
            }
        }
        Instant changed = ODataValues.instant(text(bp, "LastChangeDate"), text(bp, "LastChangeTime"), "LastChangeDate", "LastChangeTime");
        Instant created = ODataValues.instant(text(bp, "CreationDate"), text(bp, "CreationTime"), "CreationDate", "CreationTime");
        Instant changedAt = changed != null ? changed : created != null ? created : now;
        boolean blocked = bp.path("BusinessPartnerIsBlocked").asBoolean(false);
        String id = UUID.nameUUIDFromBytes(String.join("\u0000", SOURCE, partner, changedAt.toString(),
                CanonicalJson.write(body)).getBytes(StandardCharsets.UTF_8)).toString();
        Envelope envelope = new Envelope(id, EntityType.CUSTOMER, number, Operation.UPSERT, changedAt, SOURCE, body);
        return Optional.of(new Mapped(partner, envelope, blocked, changedAt));
    }

    private static String name(JsonNode bp, boolean person) {
        String parts = person ? joined(text(bp, "FirstName"), text(bp, "LastName"))
                : joined(text(bp, "OrganizationBPName1"), text(bp, "OrganizationBPName2"));
        return parts != null ? parts : text(bp, "BusinessPartnerFullName");
    }

    private static String vatId(JsonNode taxes) {
        for (JsonNode tax : results(taxes)) {
            String type = text(tax, "BPTaxType");
            if (type != null && VAT_TAX_TYPE.matcher(type).matches()) {
                return text(tax, "BPTaxNumber");
            }
        }
        return null;
    }

    /** The default phone number, else the first; the international form when S/4 has it. */
    private static String phone(JsonNode phones) {
        JsonNode chosen = null;
        for (JsonNode p : results(phones)) {
            if (chosen == null || p.path("IsDefaultPhoneNumber").asBoolean(false)) {
                chosen = p;
                if (p.path("IsDefaultPhoneNumber").asBoolean(false)) {
                    break;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        String international = text(chosen, "InternationalPhoneNumber");
        return international != null ? international : text(chosen, "PhoneNumber");
    }

    /** The value of the entry flagged as default, else of the first entry. */
    private static String preferred(JsonNode list, String flag, String field) {
        String first = null;
        for (JsonNode entry : results(list)) {
            String value = text(entry, field);
            if (entry.path(flag).asBoolean(false) && value != null) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first;
    }

    private static JsonNode first(JsonNode list) {
        for (JsonNode entry : results(list)) {
            return entry;
        }
        return CanonicalJson.mapper().createObjectNode();
    }

    /** A to-many navigation property as OData V2 expands it ({@code {"results":[…]}}), or empty. */
    static Iterable<JsonNode> results(JsonNode navigation) {
        JsonNode results = navigation.path("results");
        return results.isArray() ? results : CanonicalJson.mapper().createArrayNode();
    }

    /** A string property; null when absent, null or empty (OData V2 writes empty strings for empty CHAR fields). */
    static String text(JsonNode entity, String field) {
        JsonNode value = entity.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    static String withoutZeros(String number) {
        return LEADING_ZEROS.matcher(number).replaceFirst("");
    }

    private static String joined(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    private static void put(ObjectNode target, String name, String value) {
        if (value != null) {
            target.put(name, value);
        }
    }
}

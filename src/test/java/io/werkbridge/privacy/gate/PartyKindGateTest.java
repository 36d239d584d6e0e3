package io.werkbridge.privacy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.PolicyFixtures;
import io.werkbridge.privacy.policy.DestinationPolicy;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A party that is a natural person (a sole trader) has its name, VAT id and address treated as personal master data. */
class PartyKindGateTest {

    private final PrivacyGate gate = PolicyFixtures.gate();

    @TempDir
    Path dir;

    /** @param kind the company's kind, or null for a message that does not carry one */
    private static ObjectNode customer(String kind) {
        String kindField = kind == null ? "" : "\"kind\":\"" + kind + "\",";
        return (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d","type":"customer","key":"100777","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"erp",
                 "body":{"customerNumber":"100777",
                   "company":{%s"name":"Jonas Quellmalz Zerspanung","vatId":"DE811111111",
                              "address":{"street":"Kesselbrink 7","postalCode":"33602","city":"Bielefeld","country":"DE"}},
                   "remarks":"Jonas Quellmalz Zerspanung ruft zurück wegen Teil DMU-50-3"}}""".formatted(kindField));
    }

    @Test
    void aPersonsNameVatIdAndAddressAreMasterDataForTheShopAndRecordedSo() {
        GateResult shop = gate.filter("shop", customer("person"));

        JsonNode company = shop.filtered().path("body").path("company");
        assertThat(company.path("kind").asText()).isEqualTo("person");
        assertThat(company.path("name").asText()).isEqualTo("Jonas Quellmalz Zerspanung");
        assertThat(company.path("vatId").asText()).isEqualTo("DE811111111");
        assertThat(company.path("address").path("street").asText()).isEqualTo("Kesselbrink 7");
        assertThat(shop.sent()).contains("master.name", "master.tax-id", "master.business-address")
                .doesNotContain("company.name", "company.tax-id", "company.address");
    }

    @Test
    void aPersonsAddressDoesNotReachTheMapsWhichMayOnlyReceiveCompanyAddresses() {
        GateResult person = gate.filter("maps", customer("person"));
        GateResult organization = gate.filter("maps", customer("organization"));

        // the map takes no technical fields either (maps: technical: drop), so a person's company arrives empty
        assertThat(person.filtered().path("body").path("company").fieldNames()).toIterable().isEmpty();
        assertThat(person.dropped()).contains("master.name", "master.tax-id", "master.business-address");
        assertThat(organization.filtered().path("body").path("company").path("address").path("street").asText())
                .isEqualTo("Kesselbrink 7");
        assertThat(organization.sent()).contains("company.address");
    }

    @Test
    void anUnknownOrMissingOrUnrecognisedKindIsAPerson() {
        for (String kind : new String[] {"unknown", null, "robot"}) {
            GateResult maps = gate.filter("maps", customer(kind));
            assertThat(CanonicalJson.write(maps.filtered())).as("kind %s", kind)
                    .doesNotContain("Quellmalz", "Kesselbrink", "DE811111111");
            assertThat(maps.dropped()).as("kind %s", kind).contains("master.name", "master.business-address");
        }
    }

    @Test
    void aDestinationMayTreatUnknownPartiesAsOrganizationsButNeverAPerson() {
        String location = PolicyFixtures.copyWith(dir, "destinations.yml", text -> text.replace(
                "    purpose: maps\n", "    purpose: maps\n    unknownParties: organization\n"));
        PrivacyPolicy policy = PolicyFixtures.load(location);
        assertThat(policy.destination("maps").orElseThrow().unknownParties()).isEqualTo(DestinationPolicy.UnknownParties.ORGANIZATION);
        assertThat(policy.destination("shop").orElseThrow().unknownParties()).isEqualTo(DestinationPolicy.UnknownParties.PERSON);
        PrivacyGate gate = new PrivacyGate(policy, new ValueOperators(PolicyFixtures.TEST_KEY));

        GateResult unknown = gate.filter("maps", customer("unknown"));
        GateResult person = gate.filter("maps", customer("person"));

        assertThat(unknown.filtered().path("body").path("company").path("address").path("city").asText()).isEqualTo("Bielefeld");
        assertThat(unknown.sent()).contains("company.address");
        assertThat(CanonicalJson.write(person.filtered())).doesNotContain("Kesselbrink", "Bielefeld");
    }

    @Test
    void aPersonsNameIsScrubbedFromFreeTextLikeAContactsName() {
        JsonNode person = gate.filter("portal", customer("person")).filtered().path("body");
        JsonNode organization = gate.filter("portal", customer("organization")).filtered().path("body");

        assertThat(person.path("remarks").asText()).doesNotContain("Quellmalz").contains("DMU-50-3");
        assertThat(organization.path("remarks").asText()).contains("Jonas Quellmalz Zerspanung");
    }

    @Test
    void aBillToPersonOnAnInvoiceIsMasterDataAndTheShopsOrderAddressAlwaysPersonal() {
        ObjectNode invoice = (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6e","type":"invoice","key":"RE-2026-0042","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"erp",
                 "body":{"invoiceNumber":"RE-2026-0042","customerNumber":"100777",
                   "billTo":{"kind":"person","company":"Jonas Quellmalz","address":{"street":"Kesselbrink 7","city":"Bielefeld","country":"DE"}}}}""");
        GateResult portal = gate.filter("portal", invoice.deepCopy());
        assertThat(portal.filtered().path("body").path("billTo").path("company").asText()).isEqualTo("Jonas Quellmalz");
        assertThat(portal.sent()).contains("master.name", "master.business-address").doesNotContain("company.name", "company.address");

        ObjectNode order = (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6f","type":"order","key":"SO-1","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"shop",
                 "body":{"orderNumber":"SO-1","customerNumber":"100777","shippingAddress":{"street":"Kesselbrink 7","city":"Bielefeld"}}}""");
        GateResult erp = gate.filter("erp", order);
        assertThat(erp.filtered().path("body").path("shippingAddress").path("street").asText()).isEqualTo("Kesselbrink 7");
        assertThat(erp.sent()).contains("master.business-address").doesNotContain("company.address");
    }

    @Test
    void theOperatorViewMasksAPersonsNameButShowsACompanys() {
        assertThat(gate.operatorView(customer("person")).filtered().path("body").path("company").path("name").asText())
                .doesNotContain("Quellmalz");
        assertThat(gate.operatorView(customer("organization")).filtered().path("body").path("company").path("name").asText())
                .isEqualTo("Jonas Quellmalz Zerspanung");
    }
}

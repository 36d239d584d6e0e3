package io.werkbridge.flow;

import static io.werkbridge.flow.ErpDocumentRequests.deliveredTo;
import static io.werkbridge.flow.ErpDocumentRequests.digits;
import static io.werkbridge.flow.ErpDocumentRequests.postXml;
import static io.werkbridge.flow.ErpDocumentRequests.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer who is a natural person (a sole trader), as SAP's DEBMAS and INVOIC02 and the ERP's SOAP contract say
 * it, end to end to the WireMock shop and portal: what each received, field by field, and the categories the
 * disclosure log recorded: a person's name, VAT id and address as personal master data, a company's as company data.
 */
class PartyKindFlowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> PERSON_CATEGORIES = List.of("master.name", "master.tax-id", "master.business-address");
    private static final List<String> COMPANY_CATEGORIES = List.of("company.name", "company.tax-id", "company.address");

    @Autowired
    JdbcTemplate jdbc;

    /** The shipped DEBMAS06 sample for customer {@code number}, its customer's name replaced by {@code general}. */
    private static String debmas(String number, String general) {
        String xml = resource("debmas06-customer.xml").replace("0000100234", number)
                .replace("      <NAME1>Beispiel Maschinenbau</NAME1>\n      <NAME2>GmbH</NAME2>\n", general);
        assertThat(xml).contains(general);
        return xml;
    }

    @Test
    void aSoleTraderFromDebmasReachesShopAndPortalAsAPersonAndIsRecordedAsMasterData() throws Exception {
        String number = digits();
        HttpResponse<String> response = postXml(port, "/api/v1/erp/idoc", debmas(number, """
                      <ANRED>Herr</ANRED>
                      <NAME1>Jonas Quellmalz</NAME1>
                      <NAME2>Zerspanungstechnik</NAME2>
                """));
        assertThat(response.statusCode()).isEqualTo(202);

        JsonNode[] received = awaitShopAndPortal(number);
        for (JsonNode message : received) {
            JsonNode company = message.path("body").path("company");
            assertThat(ErpDocumentRequests.fieldNames(company)).containsExactlyInAnyOrder("kind", "name", "vatId", "address");
            assertThat(company.path("kind").asText()).isEqualTo("person");
            assertThat(company.path("name").asText()).isEqualTo("Jonas Quellmalz Zerspanungstechnik");
            assertThat(company.path("vatId").asText()).isEqualTo("DE123456789");
            assertThat(company.path("address").path("street").asText()).isEqualTo("Industriestr. 5");
            assertThat(company.path("address").path("postalCode").asText()).isEqualTo("33602");
            assertThat(company.path("address").path("city").asText()).isEqualTo("Bielefeld");
            assertThat(company.path("address").path("country").asText()).isEqualTo("DE");
        }
        assertThat(received[0].path("body").path("contacts").get(0).path("lastName").asText()).isEqualTo("Musterfrau");
        Map<String, List<String>> sent = sentCategories(received[0].path("messageId").asText(), 2);
        assertThat(sent).containsOnlyKeys("shop", "portal");
        sent.values().forEach(categories -> assertThat(categories).containsAll(PERSON_CATEGORIES).doesNotContainAnyElementsOf(COMPANY_CATEGORIES));
    }

    @Test
    void aCompanyFromDebmasIsRecordedAsCompanyData() throws Exception {
        String number = digits();
        postXml(port, "/api/v1/erp/idoc", debmas(number, """
                      <ANRED>Firma</ANRED>
                      <NAME1>Beispiel Maschinenbau</NAME1>
                      <NAME2>GmbH</NAME2>
                """));

        JsonNode[] received = awaitShopAndPortal(number);
        for (JsonNode message : received) {
            JsonNode company = message.path("body").path("company");
            assertThat(company.path("kind").asText()).isEqualTo("organization");
            assertThat(company.path("name").asText()).isEqualTo("Beispiel Maschinenbau GmbH");
            assertThat(company.path("vatId").asText()).isEqualTo("DE123456789");
            assertThat(company.path("address").path("street").asText()).isEqualTo("Industriestr. 5");
        }
        Map<String, List<String>> sent = sentCategories(received[0].path("messageId").asText(), 2);
        assertThat(sent).containsOnlyKeys("shop", "portal");
        sent.values().forEach(categories -> assertThat(categories).containsAll(COMPANY_CATEGORIES)
                .doesNotContain("master.tax-id", "master.business-address"));
    }

    @Test
    void aDebmasWithNeitherHintIsUnknownAndTreatedAsAPersonWhileADeclaredPrivateAccountGroupIsAPerson() throws Exception {
        String unknown = digits();
        String privateGroup = digits();
        postXml(port, "/api/v1/erp/idoc", debmas(unknown, "      <NAME1>Jonas Quellmalz</NAME1>\n"));
        postXml(port, "/api/v1/erp/idoc", debmas(privateGroup, "      <NAME1>Jonas Quellmalz</NAME1>\n")
                .replace("<KTOKD>0001</KTOKD>", "<KTOKD>ZPRV</KTOKD>"));

        JsonNode[] unknownReceived = awaitShopAndPortal(unknown);
        JsonNode[] privateReceived = awaitShopAndPortal(privateGroup);
        for (JsonNode message : unknownReceived) {
            assertThat(message.path("body").path("company").path("kind").asText()).isEqualTo("unknown");
            assertThat(message.path("body").path("company").path("name").asText()).isEqualTo("Jonas Quellmalz");
        }
        for (JsonNode message : privateReceived) {
            assertThat(message.path("body").path("company").path("kind").asText()).isEqualTo("person");
        }
        for (JsonNode[] received : List.of(unknownReceived, privateReceived)) {
            sentCategories(received[0].path("messageId").asText(), 2).values().forEach(categories ->
                    assertThat(categories).containsAll(PERSON_CATEGORIES).doesNotContainAnyElementsOf(COMPANY_CATEGORIES));
        }
    }

    @Test
    void anErpSoapCustomerOfKindPersonReachesShopAndPortalAsAPerson() throws Exception {
        String number = ErpDocumentRequests.unique("P");
        String request = SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "jq@example.com", "Rückruf erbeten")
                .replace("<c:name>Beispiel Maschinenbau GmbH</c:name>", "<c:name>Jonas Quellmalz</c:name>")
                .replace("<c:kind>organization</c:kind>", "<c:kind>person</c:kind>");
        assertThat(request).contains("<c:kind>person</c:kind>");
        HttpResponse<String> response = SoapRequests.post(port, request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<status>accepted</status>");

        JsonNode[] received = awaitShopAndPortal(number);
        for (JsonNode message : received) {
            JsonNode company = message.path("body").path("company");
            assertThat(company.path("kind").asText()).isEqualTo("person");
            assertThat(company.path("name").asText()).isEqualTo("Jonas Quellmalz");
            assertThat(company.path("vatId").asText()).isEqualTo("DE123456789");
            assertThat(company.path("address").path("city").asText()).isEqualTo("Bielefeld");
        }
        Map<String, List<String>> sent = sentCategories(received[0].path("messageId").asText(), 2);
        sent.values().forEach(categories -> assertThat(categories).containsAll(PERSON_CATEGORIES).doesNotContainAnyElementsOf(COMPANY_CATEGORIES));
    }

    @Test
    void anInvoiceToAPersonFromInvoic02IsRecordedAsMasterDataAtThePortal() throws Exception {
        String number = digits();
        String idoc = resource("invoic02-invoice.xml").replace("0090004711", number).replace(
                "      <PARVW>RE</PARVW>\n      <PARTN>0000100234</PARTN>\n      <NAME1>Beispiel Maschinenbau</NAME1>\n      <NAME2>GmbH</NAME2>\n",
                "      <PARVW>RE</PARVW>\n      <PARTN>0000100234</PARTN>\n      <ANRED>Mr.</ANRED>\n      <NAME1>Jonas Quellmalz</NAME1>\n");
        assertThat(idoc).contains("<ANRED>Mr.</ANRED>");
        assertThat(postXml(port, "/api/v1/erp/idoc", idoc).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", number).size() == 1);
        JsonNode message = deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", number).get(0);
        JsonNode billTo = message.path("body").path("billTo");
        assertThat(billTo.path("kind").asText()).isEqualTo("person");
        assertThat(billTo.path("company").asText()).isEqualTo("Jonas Quellmalz");
        assertThat(billTo.path("contactName").asText()).isEqualTo("Erika Musterfrau");
        assertThat(billTo.path("address").path("street").asText()).isEqualTo("Industriestr. 5");
        assertThat(sentCategories(message.path("messageId").asText(), 1).get("portal"))
                .contains("master.name", "master.business-address").doesNotContain("company.name", "company.address");
    }

    /**
     * EN 16931 has no element that marks a natural person: a buyer with a legal registration id (BT-47) is an
     * organization, any other buyer unknown, treated as a person (XRechnung test suite cases 01.01a and 01.14a, their
     * invoice numbers made fresh so the shared hub delivers them).
     */
    @Test
    void aUblInvoiceToABuyerWithoutLegalRegistrationIsAPersonAndOneWithItAnOrganization() throws Exception {
        String unknownNumber = "UBL-" + digits();
        String unknown = xrechnung("01.01a-INVOICE_ubl.xml").replace("<cbc:ID>123456XX</cbc:ID>", "<cbc:ID>" + unknownNumber + "</cbc:ID>");
        assertThat(unknown).contains(unknownNumber);
        String organizationNumber = "UBL-" + digits();
        String organization = xrechnung("01.14a-INVOICE_ubl.xml").replace("<cbc:ID>1234567</cbc:ID>", "<cbc:ID>" + organizationNumber + "</cbc:ID>");
        assertThat(organization).contains(organizationNumber).contains("<cbc:CompanyID>HRB 3456</cbc:CompanyID>");
        assertThat(postXml(port, "/api/v1/erp/ubl", unknown).statusCode()).isEqualTo(202);
        assertThat(postXml(port, "/api/v1/erp/ubl", organization).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", unknownNumber).size() == 1
                && deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", organizationNumber).size() == 1);
        JsonNode person = deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", unknownNumber).get(0);
        JsonNode billTo = person.path("body").path("billTo");
        assertThat(billTo.path("kind").asText()).isEqualTo("unknown");
        assertThat(billTo.path("company").asText()).isEqualTo("[Buyer name]");
        assertThat(billTo.path("address").path("city").asText()).isEqualTo("[Buyer city]");
        assertThat(sentCategories(person.path("messageId").asText(), 1).get("portal"))
                .contains("master.name", "master.business-address").doesNotContain("company.name", "company.address");

        JsonNode company = deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", organizationNumber).get(0);
        assertThat(company.path("body").path("billTo").path("kind").asText()).isEqualTo("organization");
        assertThat(company.path("body").path("billTo").path("company").asText()).isEqualTo("[Buyer name]");
        assertThat(sentCategories(company.path("messageId").asText(), 1).get("portal"))
                .contains("company.name", "company.tax-id", "company.address") // the buyer's contact (BG-9) stays master.name
                .doesNotContain("master.business-address", "master.tax-id");
    }

    private static String xrechnung(String name) throws java.io.IOException {
        try (java.io.InputStream in = PartyKindFlowTest.class.getResourceAsStream("/xrechnung/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** What the shop and the portal received for the customer, once both have it: [shop, portal]. */
    private static JsonNode[] awaitShopAndPortal(String number) {
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        return new JsonNode[] {delivered(SHOP, number).get(0), delivered(PORTAL, number).get(0)};
    }

    /** Per destination, the categories the disclosure log records as sent for the message, once every destination's record is written. */
    private Map<String, List<String>> sentCategories(String messageId, int destinations) {
        await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT 1 FROM disclosure WHERE message_id = ?", messageId).size() == destinations);
        return jdbc.queryForList("SELECT destination, categories_sent FROM disclosure WHERE message_id = ?", messageId).stream()
                .map(row -> lowerCaseKeys(row))
                .collect(Collectors.toMap(row -> row.get("destination").toString(),
                        row -> Arrays.asList(String.valueOf(row.get("categories_sent")).split(","))));
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> out = new java.util.HashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}

package io.werkbridge.flow;

import static io.werkbridge.flow.ErpDocumentRequests.deliveredTo;
import static io.werkbridge.flow.ErpDocumentRequests.digits;
import static io.werkbridge.flow.ErpDocumentRequests.fieldNames;
import static io.werkbridge.flow.ErpDocumentRequests.idempotencyKey;
import static io.werkbridge.flow.ErpDocumentRequests.postXml;
import static io.werkbridge.flow.ErpDocumentRequests.resource;
import static io.werkbridge.flow.ErpDocumentRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.connector.erp.UblCreditNotes;
import io.werkbridge.messaging.DeadLetters;
import io.werkbridge.model.CanonicalJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * ERP documents end to end: SOAP invoices and service reports, IDoc XML (DEBMAS, INVOIC02) and UBL invoices over HTTP,
 * through Artemis and the privacy gate to the WireMock portal (and shop); bad documents refused with a clear problem
 * while the hub carries on.
 */
class ErpDocumentsFlowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String INVOICES = "/portal/invoices";
    private static final String REPORTS = "/portal/service-reports";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JmsTemplate jms;

    @Test
    void soapInvoiceReachesThePortalWithTheBankAccountMasked() throws Exception {
        String number = unique("RE");
        HttpResponse<String> response = soap(ErpDocumentRequests.publishInvoice(number, "100234", "erika.musterfrau@example.com"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<status>accepted</status>").contains("<messageId>");
        SoapRequests.assertAnswerMatchesSchema(response.body(), "connectors/erp/erp-documents.xsd");

        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).size() == 1);
        JsonNode message = deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).get(0);
        assertThat(message.path("type").asText()).isEqualTo("invoice");
        assertThat(message.path("key").asText()).isEqualTo(number);
        assertThat(message.path("occurredAt").asText()).isEqualTo("2026-11-21T08:30:00Z");
        JsonNode body = message.path("body");
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("invoiceNumber", "typeCode", "customerNumber", "issueDate", "dueDate",
                "currency", "billTo", "lines", "totals", "payment");
        assertThat(body.path("customerNumber").asText()).isEqualTo("100234");
        assertThat(body.path("issueDate").asText()).isEqualTo("2026-11-21");
        assertThat(body.path("billTo").path("contactName").asText()).isEqualTo("Erika Musterfrau");
        assertThat(body.path("billTo").path("email").asText()).isEqualTo("erika.musterfrau@example.com");
        assertThat(body.path("lines")).hasSize(2);
        assertThat(body.path("lines").get(0).path("net").decimalValue()).isEqualByComparingTo("241.00");
        assertThat(body.path("totals").path("amountDue").decimalValue()).isEqualByComparingTo("357.00");
        assertThat(body.path("payment").path("accounts").path(0).path("iban").asText()).isEqualTo("******************2051");
        assertThat(body.path("payment").path("accounts").path(0).path("bic").asText()).isEqualTo("*******1001");
        assertThat(body.path("payment").path("terms").asText()).isEqualTo("30 Tage netto");
        assertThat(message.toString()).doesNotContain("DE02120300000000202051").doesNotContain("BYLADEM1001");

        String messageId = message.path("messageId").asText();
        assertThat(response.body()).contains(messageId);
        assertThat(idempotencyKey(PORTAL, INVOICES, messageId)).isEqualTo(messageId);
        await().atMost(WAIT).until(() -> disclosures(messageId).size() == 1);
        Map<String, Object> record = disclosures(messageId).get(0);
        assertThat(record.get("destination")).isEqualTo("portal");
        assertThat(record.get("categories_masked").toString()).contains("billing.bank-account");
    }

    @Test
    void soapServiceReportReachesThePortalWithTheTechnicianPseudonymised() throws Exception {
        String number = unique("SR");
        HttpResponse<String> response = soap(ErpDocumentRequests.publishServiceReport(number, "100234"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<status>accepted</status>");

        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, REPORTS, "reportNumber", number).size() == 1);
        JsonNode message = deliveredTo(PORTAL, REPORTS, "reportNumber", number).get(0);
        assertThat(message.path("type").asText()).isEqualTo("service-report");
        JsonNode body = message.path("body");
        assertThat(body.path("machine")).isEqualTo(CanonicalJson.read("{\"serialNumber\":\"M-4711\",\"type\":\"DMU 50\"}"));
        JsonNode technician = body.path("technician");
        assertThat(technician.path("id").asText()).matches("[0-9a-f]{64}");
        assertThat(technician.path("firstName").asText()).isNotBlank().isNotEqualTo("Jan");
        assertThat(technician.path("lastName").asText()).isNotBlank().isNotEqualTo("Schrauber");
        assertThat(body.path("visit").path("start").asText()).isEqualTo("2026-11-19T08:00:00Z");
        assertThat(body.path("work").asText()).startsWith("Spindellager getauscht.")
                .contains("[phone]").doesNotContain("Schrauber").doesNotContain("Musterfrau").doesNotContain("5550 1234");
        assertThat(body.path("parts")).hasSize(2);
        assertThat(body.path("parts").get(1).path("quantity").asInt()).isEqualTo(4);
        assertThat(body.path("customerContact").path("name").asText()).isEqualTo("Erika Musterfrau");
        assertThat(body.path("signature").path("signedAt").asText()).isEqualTo("2026-11-19T12:35:00Z");
        assertThat(message.toString()).doesNotContain("T-042").doesNotContain("Schrauber");
    }

    @Test
    void soapInvoiceWhoseAmountsDoNotAddUpGetsAFaultNamingTheRule() throws Exception {
        String number = unique("RE");
        HttpResponse<String> response = soap(ErpDocumentRequests.publishInvoice(number, "100234", "erika.musterfrau@example.com")
                .replace("<d:gross>357.00</d:gross>", "<d:gross>358.00</d:gross>"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").contains("BR-CO-15: BT-112 total with VAT is 358.00 but BT-109 + BT-110"
                + " is 357.00").doesNotContain("Musterfrau").doesNotContain(number);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).isEmpty());
    }

    @Test
    void soapDocumentBreakingTheSchemaGetsAFaultNamingTheElementNotTheValue() throws Exception {
        String number = unique("RE");
        HttpResponse<String> response = soap(ErpDocumentRequests.publishInvoice(number, "100234", "not-an-email-erika"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").contains("email").doesNotContain("not-an-email-erika");
        String operator = SoapRequests.post(port, "/services/erp-documents",
                ErpDocumentRequests.publishInvoice(number, "100234", "a@example.com"), "operator", SoapRequests.ERP_PASSWORD).body();
        assertThat(operator).doesNotContain("accepted");

        String good = unique("RE");
        SoapRequests.post(port, "/services/erp-documents", ErpDocumentRequests.publishInvoice(good, "100234", "ok@example.com"),
                "erp", SoapRequests.ERP_PASSWORD);
        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", good).size() == 1);
        assertThat(deliveredTo(PORTAL, INVOICES, "invoiceNumber", number)).isEmpty();
    }

    @Test
    void idocInvoiceOverHttpReachesThePortal() throws Exception {
        String number = digits();
        HttpResponse<String> response = postXml(port, "/api/v1/erp/idoc",
                resource("invoic02-invoice.xml").replace("0090004711", number));
        assertThat(response.statusCode()).isEqualTo(202);
        String messageId = CanonicalJson.read(response.body()).path("messageId").asText();

        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).size() == 1);
        JsonNode message = deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).get(0);
        assertThat(message.path("messageId").asText()).isEqualTo(messageId);
        JsonNode body = message.path("body");
        assertThat(body.path("customerNumber").asText()).isEqualTo("100234");
        assertThat(body.path("dueDate").asText()).isEqualTo("2026-12-21");
        assertThat(body.path("billTo").path("contactName").asText()).isEqualTo("Erika Musterfrau");
        assertThat(body.path("lines")).extracting(l -> l.path("partNumber").asText()).containsExactly("SP-4711", "SR-100", "SVC-HOUR");
        assertThat(body.path("lines").get(1).path("unitPrice").decimalValue()).isEqualByComparingTo("35.00");
        assertThat(body.path("lines").get(1).path("baseQuantity").decimalValue()).isEqualByComparingTo("100");
        assertThat(body.path("totals").path("tax").decimalValue()).isEqualByComparingTo("115.62");
        assertThat(body.path("payment").path("accounts").path(0).path("iban").asText()).isEqualTo("******************2051");
        assertThat(body.path("payment").path("terms").asText()).isEqualTo("ZB30");
        assertThat(message.toString()).doesNotContain("DE02120300000000202051");
    }

    @Test
    void debmasOverHttpReachesShopAndPortalFilteredPerDestination() throws Exception {
        String number = digits();
        HttpResponse<String> response = postXml(port, "/api/v1/erp/idoc",
                resource("debmas06-customer.xml").replace("0000100234", number));
        assertThat(response.statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        JsonNode shop = delivered(SHOP, number).get(0).path("body");
        assertThat(fieldNames(shop)).containsExactlyInAnyOrder("customerNumber", "company", "contacts", "paymentTerms");
        assertThat(shop.path("contacts")).hasSize(2);
        assertThat(shop.path("contacts").get(0).path("lastName").asText()).isEqualTo("Musterfrau");
        assertThat(shop.path("contacts").get(0).path("phone").asText()).isEqualTo("*************1234");
        assertThat(shop.path("contacts").get(1).path("id").asText()).matches("[0-9a-f]{64}");
        JsonNode portal = delivered(PORTAL, number).get(0).path("body");
        assertThat(portal.path("company").path("name").asText()).isEqualTo("Beispiel Maschinenbau GmbH");
        assertThat(portal.path("contacts").get(0).path("title").asText()).isEqualTo("Dr.");
        assertThat(portal.path("contacts").get(1).path("firstName").asText()).isEqualTo("Max");
        assertThat(portal.path("bankAccounts").get(0).path("iban").asText()).isEqualTo("******************3000");
        assertThat(delivered(PORTAL, number).get(0).toString()).doesNotContain("DE89370400440532013000");
    }

    @Test
    void ublInvoiceOverHttpReachesThePortal() throws Exception {
        String number = unique("RE");
        HttpResponse<String> response = postXml(port, "/api/v1/erp/ubl", resource("ubl-invoice.xml").replace("RE-2026-0815", number));
        assertThat(response.statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).size() == 1);
        JsonNode body = deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).get(0).path("body");
        assertThat(body.path("billTo").path("email").asText()).isEqualTo("erika.musterfrau@example.com");
        assertThat(body.path("lines")).extracting(l -> l.path("description").asText()).containsExactly("Kühlmittelfilter", "Wartungspauschale");
        assertThat(body.path("payment").path("accounts").path(0).path("iban").asText()).isEqualTo("******************2051");
        assertThat(body.path("payment").path("accounts").path(0).path("bic").asText()).isEqualTo("*******1001");
        assertThat(body.path("totals").path("amountDue").decimalValue()).isEqualByComparingTo("357.00");

        // a credit note goes the same way, told apart by its type and naming the invoice it credits
        String credit = unique("GS");
        assertThat(postXml(port, "/api/v1/erp/ubl", UblCreditNotes.of(resource("ubl-invoice.xml"))
                .replace("GS-2026-0042", credit).replace("RE-2026-0815", number)).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", credit).size() == 1);
        JsonNode note = deliveredTo(PORTAL, INVOICES, "invoiceNumber", credit).get(0).path("body");
        assertThat(note.path("typeCode").asText()).isEqualTo("381");
        assertThat(note.path("precedingInvoices").get(0).path("number").asText()).isEqualTo(number);
        assertThat(note.path("payment").path("accounts").get(0).path("iban").asText()).isEqualTo("******************2051");
    }

    @Test
    void badDocumentsGetAClearProblemAndTheHubCarriesOn() throws Exception {
        String invoice = resource("invoic02-invoice.xml");
        assertProblem(postXml(port, "/api/v1/erp/idoc", "Erika Musterfrau"), 400, "not well-formed XML");
        assertProblem(postXml(port, "/api/v1/erp/idoc", invoice.replace("INVOIC02", "ORDERS05")), 400, "wrong IDoc type ORDERS05");
        assertProblem(postXml(port, "/api/v1/erp/idoc", invoice.replace("<SUMID>011</SUMID>", "<SUMID>099</SUMID>")), 400,
                "mandatory segment E1EDS01 with SUMID 011");
        assertProblem(postXml(port, "/api/v1/erp/idoc", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"Musterfrau\">"
                + "<!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\"><!ENTITY l2 \"&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;\">]>"
                + "<INVOIC02><IDOC>&l2;</IDOC></INVOIC02>"), 400, "a DTD (DOCTYPE) is present");
        assertProblem(postXml(port, "/api/v1/erp/idoc", resource("ubl-invoice.xml")), 400, "wrong document type");
        assertProblem(postXml(port, "/api/v1/erp/ubl", invoice), 400, "wrong document type");
        String tooLarge = ErpDocumentRequests.postDeclaringLength(port, "/api/v1/erp/idoc", ErpDocumentRequests.hugeDocument());
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("must not exceed");

        String number = digits();
        assertThat(postXml(port, "/api/v1/erp/idoc", invoice.replace("0090004711", number)).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).size() == 1);
        assertThat(deliveredTo(PORTAL, INVOICES, "invoiceNumber", "0090004711")).isEmpty();
    }

    @Test
    void canonicalServiceReportsFromOtherProducersAreValidatedThenDeliveredOrParked() throws Exception {
        String number = unique("SR");
        String report = """
                {"messageId":"%s","type":"service-report","key":"%s","operation":"upsert","occurredAt":"2026-11-19T12:00:00Z",
                 "source":"field-service","body":{"reportNumber":"%s","customerNumber":"100234","machine":{"serialNumber":"M-1"},
                 "technician":{"id":"T-7","firstName":"Jan","lastName":"Schrauber"}}}""";
        jms.convertAndSend("werkbridge.service-reports.inbound", report.formatted(UUID.randomUUID(), number, number));
        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, REPORTS, "reportNumber", number).size() == 1);
        assertThat(deliveredTo(PORTAL, REPORTS, "reportNumber", number).get(0).path("body").path("technician").path("lastName")
                .asText()).isNotBlank().isNotEqualTo("Schrauber");

        JmsTemplate dlq = new JmsTemplate(jms.getConnectionFactory());
        dlq.setReceiveTimeout(WAIT.toMillis());
        jms.convertAndSend("werkbridge.service-reports.inbound", report.formatted(UUID.randomUUID(), "OTHER", number));
        jakarta.jms.Message parked = dlq.receive("werkbridge.service-reports.dlq");
        assertThat(parked).isNotNull();
        assertThat(parked.getStringProperty(DeadLetters.REASON)).contains("$.key");
        assertThat(parked.getStringProperty(DeadLetters.FAILED_ROUTE)).isEqualTo("service-reports-inbound");
    }

    private HttpResponse<String> soap(String xml) throws Exception {
        return SoapRequests.post(port, "/services/erp-documents", xml, "erp", SoapRequests.ERP_PASSWORD);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(CanonicalJson.read(response.body()).path("detail").asText()).contains(detail);
        assertThat(response.body()).doesNotContain("Musterfrau").doesNotContain("Erika");
    }

    private List<Map<String, Object>> disclosures(String messageId) {
        return jdbc.queryForList("SELECT destination, categories_masked FROM disclosure WHERE message_id = ?", messageId).stream()
                .map(row -> Map.<String, Object>of("destination", String.valueOf(row.get("DESTINATION")),
                        "categories_masked", String.valueOf(row.get("CATEGORIES_MASKED"))))
                .toList();
    }
}

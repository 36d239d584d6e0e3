package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.werkbridge.messaging.InboundPublisher;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Orders shop -> ERP and service tickets portal -> ERP, end to end: the REST edge, the queues, the privacy gate for
 * destination erp, and WireMock playing the ERP's web service (createSalesOrder, createServiceTicket).
 */
class ErpOutboundFlowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ORDER = """
            {"orderNumber":"ORD-E2E-1","customerNumber":"100234",
             "orderedBy":{"name":"Erika Beispiel","email":"erika@example.com","phone":"+49 521 5550 1234"},
             "lines":[{"partNumber":"DMU-50-3","quantity":2,"unitPrice":99.9},{"partNumber":"PN 0815-4711","quantity":1}],
             "shippingAddress":{"street":"Weg 1","postalCode":"33602","city":"Bielefeld","country":"DE"},
             "payment":{"method":"sepa-debit","iban":"DE02120300000000202051"}}""";

    @Autowired
    InboundPublisher publisher;

    private HttpCalls http() {
        return new HttpCalls(port);
    }

    private static LoggedRequest awaitOne(String operation, String text) {
        await().atMost(WAIT).until(() -> ErpServiceStubs.requests(ERP, operation, text).size() == 1);
        return ErpServiceStubs.requests(ERP, operation, text).get(0);
    }

    @Test
    void orderFromTheShopBecomesOneSalesOrderAtTheErp() throws Exception {
        HttpResponse<String> accepted = http().send("POST", "/api/v1/shop/orders", ORDER, "shop");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String messageId = CanonicalJson.read(accepted.body()).path("messageId").asText();

        String soap = ErpServiceStubs.xml(awaitOne("createSalesOrder", "ORD-E2E-1"));
        assertThat(soap).contains("<idempotencyKey>" + messageId + "</idempotencyKey>")
                .contains("<orderNumber>ORD-E2E-1</orderNumber>", "<customerNumber>100234</customerNumber>")
                .contains("<name>Erika Beispiel</name>", "<email>erika@example.com</email>", "<phone>+49 521 5550 1234</phone>")
                .contains("<partNumber>DMU-50-3</partNumber>", "<quantity>2</quantity>", "<unitPrice>99.9</unitPrice>")
                .contains("<partNumber>PN 0815-4711</partNumber>", "<quantity>1</quantity>")
                .contains("<street>Weg 1</street>", "<postalCode>33602</postalCode>", "<city>Bielefeld</city>", "<country>DE</country>")
                .contains("<method>sepa-debit</method>", "<iban>DE02120300000000202051</iban>");
        // nothing of the broker's headers leaves as an HTTP header
        LoggedRequest request = ErpServiceStubs.requests(ERP, "createSalesOrder", "ORD-E2E-1").get(0);
        assertThat(request.getAllHeaderKeys()).noneMatch(h -> h.startsWith("JMS") || h.startsWith("Werkbridge"));

        JsonNode disclosure = awaitDisclosure(messageId);
        assertThat(disclosure.path("processor").asText()).isEqualTo("controller");
        assertThat(CanonicalJson.write(disclosure.path("categoriesSent")))
                .contains("communication.email", "billing.bank-account", "master.business-address")
                .as("the shop's order does not say whether the customer is a company: its address is a person's")
                .doesNotContain("company.address");
    }

    @Test
    void anOrderTheShopSendsAgainBecomesNoSecondSalesOrder() throws Exception {
        String order = ORDER.replace("ORD-E2E-1", "ORD-E2E-REPEAT");
        String first = CanonicalJson.read(http().send("POST", "/api/v1/shop/orders", order, "shop").body()).path("messageId").asText();
        awaitOne("createSalesOrder", "ORD-E2E-REPEAT");
        // the shop got no answer and repeats the order: the same message, once at the ERP
        String again = CanonicalJson.read(http().send("POST", "/api/v1/shop/orders", order, "shop").body()).path("messageId").asText();
        assertThat(again).isEqualTo(first);
        // a changed order is a new message
        String changed = order.replace("\"quantity\":2", "\"quantity\":3");
        String third = CanonicalJson.read(http().send("POST", "/api/v1/shop/orders", changed, "shop").body()).path("messageId").asText();
        assertThat(third).isNotEqualTo(first);
        await().atMost(WAIT).until(() -> ErpServiceStubs.requests(ERP, "createSalesOrder", "ORD-E2E-REPEAT").size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> ErpServiceStubs.requests(ERP, "createSalesOrder", "ORD-E2E-REPEAT").size() == 2);
        assertThat(ErpServiceStubs.requests(ERP, "createSalesOrder", "ORD-E2E-REPEAT"))
                .extracting(ErpServiceStubs::idempotencyKey).containsExactlyInAnyOrder(first, third);
    }

    @Test
    void fieldsThePolicyDoesNotCoverNeverReachTheErp() {
        // another producer's canonical order with a field no classification covers: the gate drops it
        JsonNode body = CanonicalJson.read("""
                {"orderNumber":"ORD-E2E-2","customerNumber":"100234","orderedBy":{"name":"Max Muster"},
                 "lines":[{"partNumber":"P-1","quantity":3}],"internalNote":"call Max privately on 0171 5550 999"}""");
        Envelope order = Envelope.create(EntityType.ORDER, "ORD-E2E-2", Operation.UPSERT, Instant.now(), "shop", body);
        publisher.publish("orders", order);

        String soap = ErpServiceStubs.xml(awaitOne("createSalesOrder", "ORD-E2E-2"));
        assertThat(soap).contains("<name>Max Muster</name>", "<partNumber>P-1</partNumber>")
                .doesNotContain("internalNote").doesNotContain("0171 5550 999");
        JsonNode disclosure = awaitDisclosure(order.messageId());
        assertThat(CanonicalJson.write(disclosure.path("unclassifiedFields"))).contains("internalNote");
    }

    @Test
    void serviceTicketFromThePortalBecomesOneTicketAtTheErp() throws Exception {
        String ticket = """
                {"ticketId":"T-E2E-1","customerNumber":"100234","machineNumber":"M-77",
                 "reportedBy":{"name":"Max Beispiel","email":"max@example.com","phone":"+49 521 5550 999"},
                 "description":"Spindel läuft unruhig","priority":"high","preferredDate":"2026-12-01"}""";
        HttpResponse<String> accepted = http().send("POST", "/api/v1/portal/service-tickets", ticket, "portal");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String messageId = CanonicalJson.read(accepted.body()).path("messageId").asText();

        String soap = ErpServiceStubs.xml(awaitOne("createServiceTicket", "T-E2E-1"));
        assertThat(soap).contains("<idempotencyKey>" + messageId + "</idempotencyKey>")
                .contains("<ticketId>T-E2E-1</ticketId>", "<customerNumber>100234</customerNumber>", "<machineNumber>M-77</machineNumber>")
                .contains("<name>Max Beispiel</name>", "<email>max@example.com</email>", "<phone>+49 521 5550 999</phone>")
                .contains("<description>Spindel läuft unruhig</description>", "<priority>high</priority>")
                .contains("<preferredDate>2026-12-01</preferredDate>");
        assertThat(awaitDisclosure(messageId).path("destination").asText()).isEqualTo("erp");
    }

    @Test
    void aTicketsPhotoReachesTheErpsServiceDepartmentWhole() throws Exception {
        byte[] photo = new byte[3000];
        new java.util.Random(7).nextBytes(photo);
        String content = java.util.Base64.getEncoder().encodeToString(photo);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
        String ticket = """
                {"ticketId":"T-E2E-PHOTO","customerNumber":"100234","description":"Leck am Kühlmittelschlauch",
                 "attachments":{"photos":[{"fileName":"leak.jpg","mediaType":"image/jpeg","size":%d,"sha256":"%s",
                   "takenAt":"2026-11-20T09:58:00Z","content":"%s"}]}}""".formatted(photo.length, sha256, content);
        assertThat(http().send("POST", "/api/v1/portal/service-tickets", ticket, "portal").statusCode()).isEqualTo(202);

        String soap = ErpServiceStubs.xml(awaitOne("createServiceTicket", "T-E2E-PHOTO"));
        assertThat(soap).contains("<attachment><kind>photo</kind><fileName>leak.jpg</fileName><mediaType>image/jpeg</mediaType><size>"
                + photo.length + "</size><sha256>" + sha256 + "</sha256><takenAt>2026-11-20T09:58:00Z</takenAt><content>" + content
                + "</content></attachment>");
    }

    private JsonNode awaitDisclosure(String messageId) {
        return await().atMost(WAIT).until(() -> disclosures().stream()
                        .filter(d -> messageId.equals(d.path("messageId").asText())).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private List<JsonNode> disclosures() {
        JsonNode all = api().json(api().get("/api/v1/audit/disclosures?destination=erp&limit=500", "dpo"));
        return java.util.stream.StreamSupport.stream(all.spliterator(), false).toList();
    }
}

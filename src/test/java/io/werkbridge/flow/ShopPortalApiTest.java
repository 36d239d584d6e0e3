package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * The shop's and the portal's REST edge: a valid order or ticket is accepted and queued as a canonical message;
 * every kind of bad input is a problem+json that names the rule, never the value, and nothing is queued.
 */
class ShopPortalApiTest extends HubTestSupport {

    private static final String ORDER = """
            {"orderNumber":"ORD-2026-000123","customerNumber":"100234",
             "orderedBy":{"name":"Erika Beispiel","email":"erika@example.com","phone":"+49 521 5550 1234"},
             "lines":[{"partNumber":"DMU-50-3","quantity":2,"unitPrice":99.9},{"partNumber":"PN 0815-4711","quantity":1}],
             "shippingAddress":{"street":"Weg 1","postalCode":"33602","city":"Bielefeld","country":"DE"},
             "payment":{"method":"invoice"}}""";

    @Autowired
    JmsTemplate jms;

    @Autowired
    CamelContext camel;

    /** The inbound routes would take the messages this test reads from the inbound queues: paused meanwhile. */
    @BeforeEach
    void pauseInboundRoutes() throws Exception {
        camel.getRouteController().stopRoute("orders-inbound");
        camel.getRouteController().stopRoute("service-tickets-inbound");
    }

    @AfterEach
    void resumeInboundRoutes() throws Exception {
        camel.getRouteController().startRoute("orders-inbound");
        camel.getRouteController().startRoute("service-tickets-inbound");
    }

    private HttpCalls http() {
        return new HttpCalls(port);
    }

    private String queued(String queue, long timeoutMs) throws Exception {
        JmsTemplate receiver = new JmsTemplate(jms.getConnectionFactory());
        receiver.setReceiveTimeout(timeoutMs);
        Message message = receiver.receive(queue);
        return message == null ? null : ((TextMessage) message).getText();
    }

    @Test
    void validOrderIsQueuedAsACanonicalOrder() throws Exception {
        HttpResponse<String> accepted = http().send("POST", "/api/v1/shop/orders", ORDER, "shop");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String messageId = CanonicalJson.read(accepted.body()).path("messageId").asText();
        JsonNode envelope = CanonicalJson.read(queued("werkbridge.orders.inbound", 10_000));
        assertThat(envelope.path("messageId").asText()).isEqualTo(messageId);
        assertThat(envelope.path("type").asText()).isEqualTo("order");
        assertThat(envelope.path("key").asText()).isEqualTo("ORD-2026-000123");
        assertThat(envelope.path("source").asText()).isEqualTo("shop");
        assertThat(envelope.path("body").path("lines").get(1).path("partNumber").asText()).isEqualTo("PN 0815-4711");
        assertThat(envelope.path("body").path("orderedBy").path("email").asText()).isEqualTo("erika@example.com");
    }

    @Test
    void webhookFormIsAcceptedToo() throws Exception {
        String event = "{\"event\":\"checkout.order.placed\",\"occurredAt\":\"2026-11-20T10:15:00Z\",\"data\":" + ORDER + "}";
        assertThat(http().send("POST", "/api/v1/shop/webhooks/orders", event, "shop").statusCode()).isEqualTo(202);
        JsonNode envelope = CanonicalJson.read(queued("werkbridge.orders.inbound", 10_000));
        assertThat(envelope.path("occurredAt").asText()).isEqualTo("2026-11-20T10:15:00Z");
        HttpResponse<String> badData = http().send("POST", "/api/v1/shop/webhooks/orders",
                event.replace("\"quantity\":2", "\"quantity\":-2"), "shop");
        assertThat(badData.statusCode()).isEqualTo(400);
        assertThat(badData.body()).contains("$.data.lines[0].quantity");
    }

    @Test
    void badOrdersAreProblemsAndNothingIsQueued() throws Exception {
        List<String> bad = List.of(
                "{\"orderNumber\": \"ORD-1\", ",                                                    // malformed JSON
                ORDER.replace("\"quantity\":2", "\"quantity\":\"two\""),                             // wrong type
                ORDER.replace("\"customerNumber\":\"100234\",", ""),                                 // missing required field
                ORDER.replace("\"orderNumber\":", "\"couponCode\":\"SECRET-COUPON\",\"orderNumber\":"), // unknown field
                ORDER.replace("erika@example.com", "erika-at-example"),                              // invalid e-mail
                ORDER.replace("ORD-2026-000123", "ORD'; DROP TABLE orders;--"));                     // injection in a value
        for (String body : bad) {
            HttpResponse<String> response = http().send("POST", "/api/v1/shop/orders", body, "shop");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
            assertThat(response.body()).doesNotContain("SECRET-COUPON").doesNotContain("erika-at-example").doesNotContain("DROP TABLE");
        }
        assertThat(queued("werkbridge.orders.inbound", 500)).isNull();
    }

    @Test
    void oversizeBodiesAre413WithOrWithoutContentLength() throws Exception {
        String huge = ORDER.replace("\"payment\"", "\"padding\":\"" + "x".repeat(70_000) + "\",\"payment\"");
        HttpResponse<String> declared = http().send("POST", "/api/v1/shop/orders", huge, "shop");
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("must not exceed");
        HttpResponse<String> chunked = http().postChunked("/api/v1/shop/orders", huge.getBytes(), "shop");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(queued("werkbridge.orders.inbound", 500)).isNull();
    }

    @Test
    void ticketsFromThePortalAreQueuedAndValidated() throws Exception {
        String ticket = """
                {"ticketId":"T-4711","customerNumber":"100234","machineNumber":"M-77",
                 "reportedBy":{"name":"Max Beispiel","email":"max@example.com"},
                 "description":"Spindel läuft unruhig","priority":"high","preferredDate":"2026-12-01"}""";
        assertThat(http().send("POST", "/api/v1/portal/service-tickets", ticket, "portal").statusCode()).isEqualTo(202);
        JsonNode envelope = CanonicalJson.read(queued("werkbridge.service-tickets.inbound", 10_000));
        assertThat(envelope.path("type").asText()).isEqualTo("service-ticket");
        assertThat(envelope.path("body").path("priority").asText()).isEqualTo("high");
        HttpResponse<String> bad = http().send("POST", "/api/v1/portal/service-tickets", ticket.replace("\"high\"", "\"urgent!!\""), "portal");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("$.priority").doesNotContain("urgent!!");
        assertThat(http().send("POST", "/api/v1/portal/service-tickets", ticket, "shop").statusCode()).isEqualTo(403);
    }

    @Test
    void contractsAreServed() throws Exception {
        HttpResponse<String> shop = http().send("GET", "/api/v1/openapi/shop/openapi.yaml", null, null);
        assertThat(shop.statusCode()).isEqualTo(200);
        assertThat(shop.body()).contains("openapi: 3.1.0").contains("/api/v1/shop/orders");
        HttpResponse<String> schema = http().send("GET", "/api/v1/openapi/shop/order.schema.json", null, null);
        assertThat(schema.statusCode()).as(schema.headers().map().toString()).isEqualTo(200);
        assertThat(schema.body()).contains("\"additionalProperties\": false");
        assertThat(http().send("GET", "/api/v1/openapi/portal/openapi.yaml", null, null).statusCode()).isEqualTo(200);
        assertThat(http().send("GET", "/api/v1/openapi/shop/..%2F..%2Fapplication.yml", null, null).statusCode()).isIn(400, 404);
    }
}

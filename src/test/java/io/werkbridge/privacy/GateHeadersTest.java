package io.werkbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.messaging.OutboundHeaders;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.camel.DecisionMetrics;
import io.werkbridge.privacy.camel.PrivacyComponent;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.SubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.PolicyLoader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Through the gate and the delivery preparation, a message keeps no header a producer set: personal values that
 * travelled in headers never reach the destination, and the disclosure is recorded once the exchange completed.
 */
class GateHeadersTest {

    @Test
    void noInboundHeaderSurvivesAndTheDisclosureIsRecorded() throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        PolicyStore store = new PolicyStore(new PolicyLoader(new DefaultResourceLoader()), "classpath:config/privacy/",
                new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, Clock.systemUTC());
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("privacy", new PrivacyComponent(store, new DisclosureLog(ds), new DecisionMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:deliver").to("privacy:shop").process(new OutboundHeaders()).to("mock:shop");
                }
            });
            camel.start();
            MockEndpoint shop = camel.getEndpoint("mock:shop", MockEndpoint.class);
            shop.expectedMessageCount(1);
            String messageId = UUID.randomUUID().toString();
            String envelope = CanonicalJson.write(FailClosedTestData.customer().put("messageId", messageId));
            camel.createProducerTemplate().sendBodyAndHeaders("direct:deliver", envelope, Map.of(
                    "WerkbridgeMessageId", messageId,
                    "X-Contact-Email", "max@example.com",
                    "JMSXGroupID", "100234",
                    "bankAccount", "DE89370400440532013000"));
            shop.assertIsSatisfied();

            Exchange delivered = shop.getExchanges().get(0);
            Map<String, Object> headers = delivered.getMessage().getHeaders();
            assertThat(headers.keySet()).containsExactlyInAnyOrder(Exchange.HTTP_METHOD, Exchange.CONTENT_TYPE, "Idempotency-Key");
            assertThat(headers.values().toString()).doesNotContain("example.com").doesNotContain("100234").doesNotContain("DE8937");
            List<Map<String, Object>> rows = new JdbcTemplate(ds).queryForList("SELECT destination, processor FROM disclosure WHERE message_id = ?", messageId);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).values()).containsExactlyInAnyOrder("shop", "gab-exactlyit");
        }
    }
}

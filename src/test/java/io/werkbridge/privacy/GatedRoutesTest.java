package io.werkbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.camel.DecisionMetrics;
import io.werkbridge.privacy.camel.GatedRoutes;
import io.werkbridge.privacy.camel.GatedRoutes.GatedRoute;
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
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The register's view of the routes: which started route passes which destination's gate, wherever the step sits
 * (nested in a filter, a choice), and a route to a destination without a policy that refuses to start.
 */
class GatedRoutesTest {

    @Test
    void eachDestinationListsTheStartedRoutesThatPassItsGate() throws Exception {
        try (CamelContext camel = camel()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").routeId("customer-master-to-shop").routeGroup("customer-master")
                            .filter(simple("${body} != null")).to("privacy:shop").to("mock:shop").end();
                    from("direct:b").routeId("machine-data-to-portal").routeGroup("machine-data")
                            .choice().when(simple("${body} == 'x'")).to("privacy:portal").end().to("mock:portal");
                    from("direct:c").routeId("shop-customer-pull").to("privacy:shop");
                    from("direct:d").routeId("no-gate").to("mock:elsewhere");
                    from("direct:e").routeId("invoices-to-portal").routeGroup("invoices").autoStartup(false)
                            .to("privacy:portal");
                }
            });
            camel.start();
            GatedRoutes routes = new GatedRoutes(camel);

            Map<String, List<GatedRoute>> gated = routes.byDestination();
            assertThat(gated).containsOnlyKeys("shop", "portal");
            assertThat(gated.get("shop")).containsExactly(new GatedRoute("customer-master", "customer-master-to-shop"),
                    new GatedRoute("shop-customer-pull", "shop-customer-pull"));
            // the invoices route exists but is not started: it delivers nothing
            assertThat(gated.get("portal")).containsExactly(new GatedRoute("machine-data", "machine-data-to-portal"));

            camel.getRouteController().startRoute("invoices-to-portal");
            camel.getRouteController().stopRoute("customer-master-to-shop");
            assertThat(routes.byDestination().get("portal")).extracting(GatedRoute::flow).containsExactly("invoices", "machine-data");
            assertThat(routes.byDestination().get("shop")).extracting(GatedRoute::routeId).containsExactly("shop-customer-pull");
        }
    }

    @Test
    void aRouteToADestinationWithoutPolicyDoesNotStart() throws Exception {
        try (CamelContext camel = camel()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").routeId("customer-master-to-user-tours").to("privacy:user-tours").to("mock:tours");
                }
            });
            assertThatThrownBy(camel::start).hasStackTraceContaining("destination 'user-tours' has no policy in destinations.yml");
        }
    }

    private static CamelContext camel() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        PolicyStore store = new PolicyStore(new PolicyLoader(new DefaultResourceLoader()), "classpath:config/privacy/",
                new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, Clock.systemUTC());
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("privacy", new PrivacyComponent(store, new DisclosureLog(ds), new DecisionMetrics(new SimpleMeterRegistry())));
        return camel;
    }
}

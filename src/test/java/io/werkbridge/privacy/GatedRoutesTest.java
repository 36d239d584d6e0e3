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
import io.werkbridge.privacy.policy.PolicyException;
import io.werkbridge.privacy.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The register's view of the routes: which started route passes which destination's gate, wherever the step sits
 * (nested in a filter, a choice), a route to a destination without a policy that refuses to start, and a reload
 * that would take a running route's destination away.
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

    @Test
    void aReloadThatRemovesTheDestinationOfARunningRouteIsRefused(@TempDir Path dir) throws Exception {
        String location = PolicyFixtures.copyWith(dir, "destinations.yml", text -> text);
        PolicyStore store = store(location);
        try (CamelContext camel = camel(store)) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").routeId("machine-data-to-maps").routeGroup("machine-data").to("privacy:maps");
                }
            });
            camel.start();
            store.addReloadCheck(new GatedRoutes(camel)::missingDestinations);
            String version = store.policy().version();
            Path destinations = dir.resolve("destinations.yml");
            String text = Files.readString(destinations);
            Files.writeString(destinations, text.substring(0, text.indexOf("  maps:\n")));

            assertThatThrownBy(store::reload).isInstanceOf(PolicyException.class)
                    .hasMessageContaining("destination 'maps' is removed, but route(s) [machine-data-to-maps] deliver to it");
            assertThat(store.policy().version()).isEqualTo(version);
            assertThat(store.policy().destination("maps")).isPresent();

            camel.getRouteController().stopRoute("machine-data-to-maps");
            assertThat(store.reload().destination("maps")).as("no running route delivers to it any more").isEmpty();
        }
    }

    private static PolicyStore store(String location) {
        return new PolicyStore(new PolicyLoader(new DefaultResourceLoader()), location,
                new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, Clock.systemUTC());
    }

    private static CamelContext camel() {
        return camel(store("classpath:config/privacy/"));
    }

    private static CamelContext camel(PolicyStore store) {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("privacy", new PrivacyComponent(store, new DisclosureLog(ds), new DecisionMetrics(new SimpleMeterRegistry())));
        return camel;
    }
}

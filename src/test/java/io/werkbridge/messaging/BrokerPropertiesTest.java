package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.config.BindingFailures;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class BrokerPropertiesTest {

    @EnableConfigurationProperties(BrokerProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void unsetSettingsDefaultToWhatTheirValueAnnotationsSaid() {
        context.run(c -> {
            BrokerProperties broker = c.getBean(BrokerProperties.class);
            assertThat(broker.tcpEnabled()).isTrue();
            assertThat(broker.host()).isEqualTo("127.0.0.1");
            assertThat(broker.port()).isEqualTo(61616);
            assertThat(broker.globalMaxSize()).isEqualTo(DataSize.ofMegabytes(64));
            assertThat(broker.managementAddress()).isEqualTo("activemq.management");
        });
    }

    @Test
    void theShippedConfigurationBindsTheSameValues() {
        context.withInitializer(new ConfigDataApplicationContextInitializer()).run(c -> {
            BrokerProperties broker = c.getBean(BrokerProperties.class);
            assertThat(broker.tcpEnabled()).isTrue();
            assertThat(broker.globalMaxSize()).isEqualTo(DataSize.ofMegabytes(64));
        });
    }

    @Test
    void setValuesAreBound() {
        context.withPropertyValues("werkbridge.broker.tcp-enabled=false", "werkbridge.broker.host=0.0.0.0",
                "werkbridge.broker.port=61617", "werkbridge.broker.global-max-size=16MB").run(c -> {
            BrokerProperties broker = c.getBean(BrokerProperties.class);
            assertThat(broker.tcpEnabled()).isFalse();
            assertThat(broker.host()).isEqualTo("0.0.0.0");
            assertThat(broker.port()).isEqualTo(61617);
            assertThat(broker.globalMaxSize()).isEqualTo(DataSize.ofMegabytes(16));
        });
    }

    @Test
    void aPortOutsideTheTcpRangeStopsTheStart() {
        context.withPropertyValues("werkbridge.broker.port=0")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.broker.port")
                        .contains("must be greater than or equal to 1"));
        context.withPropertyValues("werkbridge.broker.port=70000")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.broker.port")
                        .contains("must be less than or equal to 65535"));
    }

    @Test
    void aBlankHostStopsTheStart() {
        context.withPropertyValues("werkbridge.broker.host= ")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.broker.host").contains("must not be blank"));
    }

    @Test
    void partnersAndTlsAreBound() {
        context.withPropertyValues("werkbridge.broker.users.partnererp.password=synthetic-secret",
                "werkbridge.broker.users.partnererp.roles=inbound-producer",
                "werkbridge.broker.tls.key-store=/etc/werkbridge/broker.p12", "werkbridge.broker.tls.key-store-password=ks").run(c -> {
            BrokerProperties broker = c.getBean(BrokerProperties.class);
            assertThat(broker.users()).containsOnlyKeys("partnererp");
            assertThat(broker.users().get("partnererp").roles()).containsExactly("inbound-producer");
            assertThat(broker.tls().enabled()).isTrue();
            assertThat(broker.tls().needClientAuth()).isFalse();
            assertThat(broker.toString()).as("no password in a log line").doesNotContain("synthetic-secret").doesNotContain("=ks");
        });
        context.run(c -> {
            BrokerProperties broker = c.getBean(BrokerProperties.class);
            assertThat(broker.users()).isEmpty();
            assertThat(broker.tls().enabled()).isFalse();
        });
    }

    @Test
    void aPartnerWithoutPasswordOrWithAnUnknownRoleStopsTheStart() {
        context.withPropertyValues("werkbridge.broker.users.partnererp.roles=inbound-producer")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.broker.users[partnererp].password")
                        .contains("must not be blank"));
        context.withPropertyValues("werkbridge.broker.users.partnererp.password=synthetic-secret",
                        "werkbridge.broker.users.partnererp.roles=admin")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.broker.users[partnererp].roles")
                        .contains("must be hub or inbound-producer"));
        context.withPropertyValues("werkbridge.broker.users.partnererp.password=synthetic-secret")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.broker.users[partnererp].roles")
                        .contains("must not be empty"));
    }

    @Test
    void aPartnerNamedLikeTheHubsUserIsRejected() {
        BrokerProperties broker = new BrokerProperties(null, null, null, null, null,
                Map.of("werkbridge", new BrokerProperties.User("synthetic-secret", Set.of(BrokerSecurity.INBOUND_PRODUCER))), null);
        assertThatThrownBy(() -> BrokerSecurity.of("werkbridge", null, broker))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("werkbridge.broker.users.werkbridge");
    }

    @Test
    void withoutAConfiguredPasswordTheHubGetsARandomOneAtEachStart() {
        BrokerProperties broker = new BrokerProperties(null, null, null, null, null, null, null);
        BrokerSecurity first = BrokerSecurity.of(null, "", broker);
        BrokerSecurity second = BrokerSecurity.of(null, null, broker);
        assertThat(first.hubUser()).isEqualTo("werkbridge");
        assertThat(first.hubPassword()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(second.hubPassword());
        assertThat(BrokerSecurity.of("hub-a", "configured", broker).hubPassword()).isEqualTo("configured");
        assertThat(first.toString()).doesNotContain(first.hubPassword());
    }
}

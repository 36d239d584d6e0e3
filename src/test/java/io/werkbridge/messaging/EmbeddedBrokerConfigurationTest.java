package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class EmbeddedBrokerConfigurationTest {

    /** An in-VM id of its own: Spring contexts of other tests in this JVM run their embedded brokers on vm://0. */
    private static final String IN_VM = "vm://5307";
    private static final FlowProperties FLOWS = new FlowProperties(Map.of("customer-master",
            new FlowProperties.Flow(Map.of("shop", "direct:shop", "portal", "direct:portal"), Map.of())));

    @TempDir
    Path data;

    @Test
    void aBacklogBeyondTheGlobalMaxSizeIsPagedToDiskAndStillDeliveredInOrder() throws Exception {
        EmbeddedActiveMQ broker = start(DataSize.ofKilobytes(256));
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(IN_VM);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic("werkbridge.customer-master"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            String body = "x".repeat(2048);
            for (int i = 0; i < 500; i++) {
                producer.send(session.createTextMessage(i + ":" + body));
            }

            assertThat(broker.getActiveMQServer().getPagingManager()
                    .getPageStore(SimpleString.of("werkbridge.customer-master")).isPaging())
                    .as("the address pages once 1 MB of messages exceeds the 256 KB limit").isTrue();
            for (String destination : List.of("shop", "portal")) {
                MessageConsumer consumer = session.createConsumer(
                        session.createQueue("werkbridge.customer-master::werkbridge.customer-master." + destination));
                for (int i = 0; i < 500; i++) {
                    TextMessage message = (TextMessage) consumer.receive(5_000);
                    assertThat(message).as(destination + " message " + i).isNotNull();
                    assertThat(message.getText()).startsWith(i + ":");
                }
                assertThat(consumer.receiveNoWait()).isNull();
                consumer.close();
            }
        } finally {
            broker.stop();
        }
    }

    @Test
    void theConfiguredBoundIsAppliedToTheBroker() {
        ConfigurationImpl config = new ConfigurationImpl();
        new EmbeddedBrokerConfiguration().werkbridgeBroker(FLOWS, broker(DataSize.ofMegabytes(64)))
                .customize(config);

        assertThat(config.getGlobalMaxSize()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void aGlobalMaxSizeThatIsNotPositiveIsRejectedAtStartup() {
        // a constraint of BrokerProperties, checked when the settings are bound (BrokerPropertiesTest has the others)
        new ApplicationContextRunner().withUserConfiguration(BrokerPropertiesTest.Binding.class)
                .withPropertyValues("werkbridge.broker.global-max-size=0B")
                .run(context -> assertThat(BindingFailures.message(context))
                        .contains("werkbridge.broker.global-max-size").contains("must be greater than 0 bytes"));
    }

    /** Acceptor off: the in-VM acceptor of each test is enough. */
    private static BrokerProperties broker(DataSize globalMaxSize) {
        return new BrokerProperties(false, "127.0.0.1", 61616, globalMaxSize, null, null, null);
    }

    private EmbeddedActiveMQ start(DataSize globalMaxSize) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.setLargeMessagesDirectory(data.resolve("large").toString());
        config.addAcceptorConfiguration("in-vm", IN_VM);
        ArtemisConfigurationCustomizer customizer = new EmbeddedBrokerConfiguration()
                .werkbridgeBroker(FLOWS, broker(globalMaxSize));
        customizer.customize(config);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        return broker;
    }
}

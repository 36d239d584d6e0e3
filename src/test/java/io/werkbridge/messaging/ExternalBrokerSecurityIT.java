package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.it.ExternalArtemis;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * docker/broker.xml on the real Artemis distribution, as {@link ExternalArtemis} sets it up with the documented users
 * and roles: no anonymous login, a partner in role inbound-producer may only send to a flow's inbound queue, the
 * hub's user finds every flow's queues declared and passes the start-up check, and the start-up check names the
 * permission a user without role hub lacks.
 */
class ExternalBrokerSecurityIT {

    private static final String SHOP_QUEUE = "werkbridge.customer-master::werkbridge.customer-master.shop";
    private static ExternalArtemis broker;
    private static ActiveMQConnectionFactory factory;

    @BeforeAll
    static void start() {
        broker = ExternalArtemis.shared();
        factory = new ActiveMQConnectionFactory(broker.url());
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void anAnonymousClientIsRefused() {
        assertThatThrownBy(() -> factory.createConnection().close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void anInboundProducerMaySendToTheInboundQueueOnly() throws Exception {
        String body = "synthetic-" + UUID.randomUUID();
        try (Connection producer = factory.createConnection(ExternalArtemis.PRODUCER, broker.producerPassword())) {
            producer.start();
            Session session = producer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("werkbridge.orders.inbound")).send(session.createTextMessage(body));

            assertThatThrownBy(() -> Collections.list(session.createBrowser(session.createQueue(SHOP_QUEUE)).getEnumeration()))
                    .as("browse a flow queue").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(SHOP_QUEUE)))
                    .as("consume a flow queue").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("werkbridge.orders.inbound")))
                    .as("consume the inbound queue").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createTopic("werkbridge.customer-master"))
                    .send(session.createTextMessage("forged")))
                    .as("publish on the flow's address").isInstanceOf(JMSSecurityException.class);
        }
        // the partner's message arrived: the hub's user takes it off the inbound queue
        try (Connection hub = factory.createConnection(ExternalArtemis.USER, broker.password())) {
            hub.start();
            Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue("werkbridge.orders.inbound"))) {
                TextMessage received = (TextMessage) consumer.receive(5_000);
                assertThat(received).isNotNull();
                assertThat(received.getText()).isEqualTo(body);
            }
        }
    }

    @Test
    void brokerXmlDeclaresEveryFlowsQueuesAndTheHubPassesTheStartUpCheck() throws Exception {
        FlowProperties flows = shippedFlows();
        List<String> expected = BrokerTopology.addresses(flows).stream()
                .flatMap(a -> a.getQueueConfigs().stream().map(q -> q.getName().toString())).toList();
        // the file itself, not the running broker: hubs of other tests on this broker create missing queues themselves
        String brokerXml = Files.readString(Path.of("docker/broker.xml"));
        assertThat(expected).as("the shipped flows' queues").isNotEmpty()
                .allSatisfy(queue -> assertThat(brokerXml).contains("<queue name=\"" + queue + "\"/>"));
        assertThat(flows.flows().keySet()).as("each flow's dead-letter address in broker.xml")
                .allSatisfy(flow -> assertThat(brokerXml).contains("<dead-letter-address>" + FlowProperties.deadLetter(flow) + "</"));
        BrokerManagement management = management(ExternalArtemis.USER, broker.password());

        Object names = management.ask(List.of(BrokerManagement.Request.attribute(ResourceNames.BROKER, "queueNames")))
                .get(0).result();
        assertThat(Arrays.stream((Object[]) names).map(String::valueOf).toList()).containsAll(expected);
        assertThat(ExternalBrokerTopology.declare(flows, management).queues()).isEqualTo(expected.size());
    }

    @Test
    void theStartUpCheckNamesThePermissionTheHubsUserLacks() throws IOException {
        FlowProperties flows = shippedFlows();
        assertThatThrownBy(() -> ExternalBrokerTopology.declare(flows,
                management(ExternalArtemis.PRODUCER, broker.producerPassword())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the hub's user")
                .hasMessageContaining("does not have permission='CREATE_NON_DURABLE_QUEUE'")
                .hasMessageContaining("role hub with send, consume, browse");
        assertThatThrownBy(() -> ExternalBrokerTopology.declare(flows, management(ExternalArtemis.USER, "wrong")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the hub's user")
                .hasMessageContaining("WERKBRIDGE_BROKER_USER/_PASSWORD");
    }

    private static BrokerManagement management(String user, String password) {
        ActiveMQConnectionFactory login = new ActiveMQConnectionFactory(broker.url(), user, password);
        return new BrokerManagement(login, "activemq.management");
    }

    /** werkbridge.flows of the shipped application.yml: the flows docker/broker.xml must declare. */
    private static FlowProperties shippedFlows() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return Binder.get(environment).bind("werkbridge", FlowProperties.class).get();
    }
}

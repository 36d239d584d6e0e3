package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.werkbridge.model.CanonicalJson;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running hub's embedded broker over its TCP acceptor, with security on: no anonymous or wrongly authenticated
 * client gets in, a partner with role inbound-producer (test profile: {@code partner-erp}) may send to a flow's
 * inbound queue and nothing else, and the hub's own user may do what the hub does.
 */
class BrokerAccessTest extends HubTestSupport {

    private static final int TCP_PORT = freePort();
    private static final Path DATA = Path.of("target", "test-data", "broker-access-" + UUID.randomUUID()).toAbsolutePath();
    private static final String HUB_PASSWORD = "hub-test-secret";
    private static final String SHOP_QUEUE = "werkbridge.customer-master::werkbridge.customer-master.shop";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ActiveMQConnectionFactory tcp = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + TCP_PORT);

    @DynamicPropertySource
    static void tcpAcceptor(DynamicPropertyRegistry registry) {
        // a context of its own beside the shared one: its own broker journal (the shared hub's broker holds the lock
        // on the shared one; werkbridge.data-dir itself is HubTestSupport's, whose registration wins), in-VM id, ERP
        // inbox and database: sharing them, its routes took files the shared context's tests dropped
        // (ErpInitialLoadTest) and its rights worker ran their erasures against its own broker (BrokerErasureTest)
        registry.add("spring.artemis.embedded.data-directory", () -> DATA.resolve("broker").toString());
        registry.add("werkbridge.erp.inbox", () -> DATA.resolve("erp-inbox").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("db").resolve("werkbridge")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        registry.add("spring.artemis.embedded.server-id", () -> "31");
        registry.add("werkbridge.broker.tcp-enabled", () -> "true");
        registry.add("werkbridge.broker.port", () -> TCP_PORT);
        registry.add("spring.artemis.password", () -> HUB_PASSWORD);
    }

    @AfterEach
    void closeFactory() {
        tcp.close();
    }

    @Test
    void anAnonymousClientIsRefused() {
        assertThatThrownBy(() -> tcp.createConnection().close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> tcp.createConnection("partner-erp", "not-the-secret").close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> tcp.createConnection("werkbridge", "not-the-secret").close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void anInboundProducerSendsToTheInboundQueueAndTheCustomerFlowsOn() throws Exception {
        String number = "P-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = tcp.createConnection("partner-erp", "test-secret");
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(session.createQueue("werkbridge.customer-master.inbound"))
                    .send(session.createTextMessage(CanonicalJson.write(CustomerMasterFlowTest.canonicalCustomer(number))));
        }

        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
    }

    @Test
    void anInboundProducerCanNeitherReadTheFlowNorPublishOnIt() throws Exception {
        try (Connection connection = tcp.createConnection("partner-erp", "test-secret")) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> Collections.list(session.createBrowser(session.createQueue(SHOP_QUEUE)).getEnumeration()))
                    .as("browse the shop's queue").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(SHOP_QUEUE)))
                    .as("consume the shop's queue").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createTopic("werkbridge.customer-master")))
                    .as("subscribe to the flow's address").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("werkbridge.customer-master.inbound")))
                    .as("consume the inbound queue (other producers' messages)").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createTopic("werkbridge.customer-master"))
                    .send(session.createTextMessage(CanonicalJson.write(CustomerMasterFlowTest.canonicalCustomer("FORGED")))))
                    .as("publish past the inbound validation").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("activemq.management"))
                    .send(session.createMessage()))
                    .as("use the management address").isInstanceOf(JMSSecurityException.class);
        }
    }

    /** The control for the refusals above: the same queue and connection path, as the hub's own user. */
    @Test
    void theHubsUserMayBrowseTheFlowQueue() throws Exception {
        try (Connection connection = tcp.createConnection("werkbridge", HUB_PASSWORD)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(SHOP_QUEUE));
            assertThat(Collections.list(browser.getEnumeration())).isNotNull();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

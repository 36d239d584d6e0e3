package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's TCP acceptor with TLS (a key store made by keytool for the test) and security on, as
 * {@link EmbeddedBrokerConfiguration} shapes it: a partner sends over TLS, the hub's user reads what it sent, a client
 * without TLS is not served.
 */
class EmbeddedBrokerTlsTest {

    private static final String STORE_PASSWORD = "synthetic-store-secret";
    private static final FlowProperties FLOWS = new FlowProperties(Map.of("customer-master",
            new FlowProperties.Flow(Map.of("shop", "direct:shop"), Map.of())));

    @TempDir
    Path dir;
    private EmbeddedActiveMQ server;
    private int port;
    private Path keyStore;

    @BeforeEach
    void start() throws Exception {
        keyStore = dir.resolve("broker.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD).inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as("keytool made the key store").isTrue();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BrokerProperties broker = new BrokerProperties(true, "127.0.0.1", port, null, null,
                Map.of("partnererp", new BrokerProperties.User("synthetic-partner", Set.of(BrokerSecurity.INBOUND_PRODUCER))),
                new BrokerProperties.Tls(keyStore.toString(), STORE_PASSWORD, null, null, false));
        BrokerSecurity security = BrokerSecurity.of("werkbridge", "synthetic-hub", broker);

        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setPagingDirectory(dir.resolve("paging").toString());
        EmbeddedBrokerConfiguration shape = new EmbeddedBrokerConfiguration();
        shape.werkbridgeBroker(FLOWS, broker).customize(config);
        shape.brokerSecurityRoles().customize(config);
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.setSecurityManager(security.securityManager());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aPartnerSendsOverTlsAndTheHubsUserReadsIt() throws Exception {
        String url = "tcp://127.0.0.1:" + port + "?sslEnabled=true;trustStoreType=PKCS12;trustStorePath=" + keyStore
                + ";trustStorePassword=" + STORE_PASSWORD;
        try (ActiveMQConnectionFactory tls = new ActiveMQConnectionFactory(url)) {
            try (Connection partner = tls.createConnection("partnererp", "synthetic-partner")) {
                Session session = partner.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("werkbridge.customer-master.inbound"))
                        .send(session.createTextMessage("synthetic-body"));
                assertThatThrownBy(() -> session.createConsumer(session.createQueue("werkbridge.customer-master.inbound")))
                        .isInstanceOf(JMSSecurityException.class);
            }
            try (Connection hub = tls.createConnection("werkbridge", "synthetic-hub")) {
                hub.start();
                Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("werkbridge.customer-master.inbound"));
                TextMessage received = (TextMessage) consumer.receive(5_000);
                assertThat(received).isNotNull();
                assertThat(received.getText()).isEqualTo("synthetic-body");
            }
            assertThatThrownBy(() -> tls.createConnection().close()).as("anonymous over TLS").isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aClientWithoutTlsIsNotServed() {
        String url = "tcp://127.0.0.1:" + port + "?callTimeout=3000;reconnectAttempts=0;initialConnectAttempts=1";
        try (ActiveMQConnectionFactory plain = new ActiveMQConnectionFactory(url)) {
            assertThatThrownBy(() -> plain.createConnection("werkbridge", "synthetic-hub").close())
                    .isInstanceOf(JMSException.class);
        }
    }

    @Test
    void theAcceptorListensOnLoopbackWithTls() {
        assertThat(server.getActiveMQServer().getConfiguration().getAcceptorConfigurations())
                .extracting(t -> t.getParams().get("host"), t -> t.getParams().get("sslEnabled"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("127.0.0.1", true));
    }
}

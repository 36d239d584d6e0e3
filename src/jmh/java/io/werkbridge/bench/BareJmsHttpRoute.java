package io.werkbridge.bench;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The baseline of the end-to-end load run, in its own JVM: an embedded Artemis broker (persistent journal, the same
 * defaults as the hub's) with a multicast address {@code bench} and queues {@code bench.shop} and
 * {@code bench.portal}, and two bare Camel routes, transacted JMS consumer to HTTP POST, configured like the hub's
 * (local session transactions, cached consumers, the same number of consumers). No SOAP, no validation, no gate,
 * no ledger, no audit.
 *
 * <p>Arguments: data directory, broker TCP port, sink base URL, consumers per queue, at most consumers per queue
 * while a backlog waits.
 */
public final class BareJmsHttpRoute {

    private BareJmsHttpRoute() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String sink = args[2];
        int consumers = Integer.parseInt(args[3]);
        int maxConsumers = Integer.parseInt(args[4]);

        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.setLargeMessagesDirectory(data.resolve("large-messages").toString());
        config.addAcceptorConfiguration("in-vm", "vm://0");
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        CoreAddressConfiguration address = new CoreAddressConfiguration().setName("bench").addRoutingType(RoutingType.MULTICAST);
        for (String queue : new String[] {"bench.shop", "bench.portal"}) {
            address.addQueueConfiguration(QueueConfiguration.of(queue).setAddress("bench")
                    .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        }
        config.addAddressConfiguration(address);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();

        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(new ActiveMQConnectionFactory("vm://0"));
        connectionFactory.setSessionCacheSize(10);
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addComponent("jms", jms);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String destination : new String[] {"shop", "portal"}) {
                    from("jms:queue:bench::bench." + destination + "?transacted=true&lazyCreateTransactionManager=false"
                            + "&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=" + consumers
                            + "&maxConcurrentConsumers=" + maxConsumers)
                            .routeId("bare-" + destination)
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .to(sink + "/" + destination + "/customers");
                }
            }
        });
        camel.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            camel.stop();
            connectionFactory.destroy();
            try {
                broker.stop();
            } catch (Exception e) {
                throw new IllegalStateException("broker did not stop cleanly", e);
            }
        }));
        System.out.println("BARE-READY");
    }
}

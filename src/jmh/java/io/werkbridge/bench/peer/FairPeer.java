package io.werkbridge.bench.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.connector.erp.ReusedSchemaValidators;
import io.werkbridge.connector.erp.generated.BankAccount;
import io.werkbridge.connector.erp.generated.Contact;
import io.werkbridge.connector.erp.generated.ErpCustomerPort;
import io.werkbridge.connector.erp.generated.PublishAck;
import io.werkbridge.connector.erp.generated.PublishCustomer;
import io.werkbridge.web.CachingPasswordEncoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.http.common.HttpMethods;
import org.apache.cxf.Bus;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The fair peer of the end-to-end load run (docs/benchmarks.md): what a careful user would build with plain Camel on
 * Spring Boot instead of the hub, for the same job. The same SOAP edge (the hub's WSDL and generated classes, CXF,
 * requests validated against the schema with one validator per request thread as the hub does, HTTP Basic with
 * Spring Security), the same broker persistence (embedded Artemis, persistent journal, a multicast address with one
 * durable queue per destination, the customer as message group, the message id as duplicate id, 64 MB in memory),
 * the same two HTTP destinations (transacted JMS consumers, Camel's HTTP component with the hub's timeouts). Without
 * the privacy gate, the delivery ledger, the disclosure records, the canonical JSON schema check, the rate limit and
 * the hub's other request filters. No database.
 *
 * <p>Arguments as Spring properties: {@code --server.port}, {@code --peer.data-dir}, {@code --peer.sink} (the sink's
 * base URL), {@code --peer.consumers}, {@code --peer.max-consumers}, {@code --peer.password} (of user {@code erp}).
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class FairPeer {

    private static final String NAMESPACE = "urn:werkbridge:erp:customer:1";
    private static final String ADDRESS = "peer.customers";

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(FairPeer.class);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.artemis.mode", "embedded");
        defaults.put("spring.artemis.embedded.persistent", "true");
        defaults.put("spring.artemis.embedded.data-directory", "${peer.data-dir}/broker");
        defaults.put("spring.jms.cache.session-cache-size", "100");
        defaults.put("cxf.path", "/services");
        defaults.put("camel.main.name", "fair-peer");
        defaults.put("camel.main.message-history", "false");
        defaults.put("camel.component.jms.lazy-create-transaction-manager", "false");
        defaults.put("camel.component.jms.cache-level-name", "CACHE_CONSUMER");
        defaults.put("camel.component.http.connect-timeout", "5000");
        defaults.put("camel.component.http.connection-request-timeout", "5000");
        defaults.put("camel.component.http.so-timeout", "15000");
        defaults.put("camel.component.http.response-timeout", "15000");
        defaults.put("management.endpoints.web.exposure.include", "health,prometheus");
        defaults.put("management.observations.enable.spring.security", "false");
        defaults.put("logging.level.org.apache.activemq.audit", "OFF");
        app.setDefaultProperties(defaults);
        app.run(args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.ignoringRequestMatchers("/services/**"))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/services/**").permitAll()
                        .requestMatchers("/services/**").hasRole("ERP")
                        .anyRequest().denyAll())
                .httpBasic(basic -> { })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The clients, as a plain lookup: an {@code InMemoryUserDetailsManager} bean would also be Spring Security's
     * password store, which re-encodes a {@code {noop}} password with bcrypt at the first login, and every request
     * then paid a bcrypt check (94 % of the peer's CPU in the first run). The hub's clients are not re-encoded.
     */
    @Bean
    UserDetailsService users(@org.springframework.beans.factory.annotation.Value("${peer.password}") String password) {
        // operator: the load run reads the heap from /actuator/prometheus with the hub's operator login
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("erp").password("{noop}" + password).roles("ERP").build(),
                User.withUsername("operator").password("{noop}" + password).roles("OPERATOR").build());
        return users::loadUserByUsername;
    }

    /** The hub's password check: bcrypt as configured per client, a verified password remembered for 5 minutes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5),
                1000, Clock.systemUTC());
    }

    /** The SOAP endpoint: contract first, requests validated against the WSDL's schema. */
    @Bean
    CxfEndpoint customerEndpoint(Bus bus) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress("/erp");
        endpoint.setServiceClass(ErpCustomerPort.class);
        endpoint.setWsdlURL("classpath:connectors/erp/erp-customer.wsdl");
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "ErpCustomerService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "ErpCustomerPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setCxfConfigurer(new ReusedSchemaValidators(bus));
        return endpoint;
    }

    /** One multicast address, one durable queue per destination, and Artemis' memory bounded as the hub's. */
    @Bean
    ArtemisConfigurationCustomizer topology() {
        return config -> {
            config.setJMXManagementEnabled(false);
            config.setGlobalMaxSize(64L * 1024 * 1024);
            CoreAddressConfiguration address = new CoreAddressConfiguration().setName(ADDRESS).addRoutingType(RoutingType.MULTICAST);
            for (String destination : List.of("shop", "portal")) {
                address.addQueueConfiguration(QueueConfiguration.of(ADDRESS + "." + destination).setAddress(ADDRESS)
                        .setRoutingType(RoutingType.MULTICAST).setDurable(true));
            }
            config.addAddressConfiguration(address);
        };
    }

    /** Artemis otherwise asks the broker for the address on every send (a blocking round trip). */
    @Bean
    static BeanPostProcessor destinationCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                Object target = bean instanceof SingleConnectionFactory caching ? caching.getTargetConnectionFactory() : bean;
                if (target instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setCacheDestinations(true);
                }
                return bean;
            }
        };
    }

    @Bean
    RouteBuilder routes(ObjectMapper json, @org.springframework.beans.factory.annotation.Value("${peer.sink}") String sink,
                        @org.springframework.beans.factory.annotation.Value("${peer.consumers}") int consumers,
                        @org.springframework.beans.factory.annotation.Value("${peer.max-consumers}") int maxConsumers) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("cxf:bean:customerEndpoint?synchronous=true").routeId("peer-soap")
                        .choice()
                            .when(header(CxfConstants.OPERATION_NAME).isEqualTo("publishCustomer"))
                                .process(exchange -> toCanonical(exchange, json))
                                .to("jms:topic:" + ADDRESS + "?exchangePattern=InOnly&deliveryPersistent=true")
                                .process(FairPeer::acknowledge)
                            .otherwise()
                                .throwException(new UnsupportedOperationException("only publishCustomer is served"))
                        .end();
                for (String destination : List.of("shop", "portal")) {
                    from("jms:queue:" + ADDRESS + "::" + ADDRESS + "." + destination + "?transacted=true&concurrentConsumers="
                            + consumers + "&maxConcurrentConsumers=" + maxConsumers)
                            .routeId("peer-to-" + destination)
                            .process(exchange -> {
                                String messageId = exchange.getMessage().getHeader("PeerMessageId", String.class);
                                exchange.getMessage().getHeaders().clear();
                                exchange.getMessage().setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
                                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                                exchange.getMessage().setHeader("Idempotency-Key", messageId);
                            })
                            .to(sink + "/" + destination + "/customers");
                }
            }
        };
    }

    /** The request as a JSON envelope; only the message id, the group and the duplicate id travel as headers. */
    private static void toCanonical(Exchange exchange, ObjectMapper json) {
        PublishCustomer in = (PublishCustomer) exchange.getMessage().getBody(List.class).get(0);
        String messageId = UUID.randomUUID().toString();
        ObjectNode envelope = json.createObjectNode().put("messageId", messageId).put("type", "customer")
                .put("key", in.getCustomerNumber()).put("operation", "upsert")
                .put("occurredAt", in.getChangedAt() == null ? Instant.now().toString()
                        : in.getChangedAt().toGregorianCalendar().toInstant().toString())
                .put("source", "erp");
        ObjectNode body = envelope.putObject("body").put("customerNumber", in.getCustomerNumber());
        ObjectNode company = body.putObject("company").put("name", in.getCompany().getName()).put("vatId", in.getCompany().getVatId());
        company.putObject("address").put("street", in.getCompany().getAddress().getStreet())
                .put("postalCode", in.getCompany().getAddress().getPostalCode())
                .put("city", in.getCompany().getAddress().getCity()).put("country", in.getCompany().getAddress().getCountry());
        for (Contact c : in.getContact()) {
            body.withArray("contacts").addObject().put("id", c.getId()).put("title", c.getTitle())
                    .put("firstName", c.getFirstName()).put("lastName", c.getLastName()).put("email", c.getEmail())
                    .put("phone", c.getPhone()).put("function", c.getFunction())
                    .put("representationAuthority", c.isRepresentationAuthority());
        }
        for (BankAccount b : in.getBankAccount()) {
            body.withArray("bankAccounts").addObject().put("iban", b.getIban()).put("bic", b.getBic()).put("holder", b.getHolder());
        }
        body.put("paymentTerms", in.getPaymentTerms());
        if (in.getContract() != null) {
            body.putObject("contract").put("number", in.getContract().getNumber())
                    .put("start", String.valueOf(in.getContract().getStart()))
                    .put("end", in.getContract().getEnd() == null ? null : String.valueOf(in.getContract().getEnd()));
        }
        body.put("remarks", in.getRemarks());
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader("PeerMessageId", messageId);
        exchange.getMessage().setHeader("JMSXGroupID", in.getCustomerNumber());
        exchange.getMessage().setHeader("_AMQ_DUPL_ID", messageId);
        exchange.getMessage().setBody(envelope.toString());
    }

    private static void acknowledge(Exchange exchange) {
        PublishAck ack = new PublishAck();
        ack.setMessageId(exchange.getMessage().getHeader("PeerMessageId", String.class));
        ack.setStatus("accepted");
        exchange.getMessage().setBody(ack);
    }
}

package io.werkbridge.connector.erp;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.werkbridge.connector.erp.services.ErpServicesPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.namespace.QName;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The client side of the ERP: a CXF client endpoint for the ERP's own web service (contract
 * {@code connectors/erp/erp-services.wsdl}) with HTTP Basic credentials, timeouts and an optional trust store, and
 * the one circuit breaker every call to this ERP goes through (routes reference it as {@code erpCircuitBreaker}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErpClientProperties.class)
public class ErpClientConfiguration {

    static final String NAMESPACE = "urn:werkbridge:erp:services:1";

    @Bean
    CxfEndpoint erpServices(Bus bus, ErpClientProperties properties) {
        // the HttpURLConnection conduit: CXF's default java.net.http client conduit loses request bodies on reused
        // connections ("Too few bytes returned by the publisher") under redelivery; the hub's only CXF client is this one
        bus.setExtension((factory, b, info, target) -> new URLConnectionHTTPConduit(b, info, target), HTTPConduitFactory.class);
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress(properties.url());
        endpoint.setServiceClass(ErpServicesPort.class);
        endpoint.setWsdlURL("classpath:connectors/erp/erp-services.wsdl");
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "ErpServices"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "ErpServicesPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        if (properties.username() != null && !properties.username().isBlank()) {
            endpoint.setUsername(properties.username());
            endpoint.setPassword(properties.password());
        }
        endpoint.setCxfConfigurer(new ConduitSettings(properties));
        return endpoint;
    }

    @Bean
    CircuitBreaker erpCircuitBreaker(ErpClientProperties properties) {
        ErpClientProperties.Breaker breaker = properties.circuitBreaker();
        return CircuitBreaker.of("erp", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRate())
                .waitDurationInOpenState(breaker.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    }

    /** The ERP as a SOAP target of data-subject requests; off unless {@code werkbridge.rights.erp-soap.enabled=true}. */
    @Bean
    @ConditionalOnProperty(name = "werkbridge.rights.erp-soap.enabled", havingValue = "true")
    ErpRightsTarget erpRightsTarget(ErpServiceCalls calls) {
        return new ErpRightsTarget(calls);
    }

    /** Timeouts and TLS trust on the HTTP conduit of every client the endpoint creates. */
    private static final class ConduitSettings implements CxfConfigurer {
        private final ErpClientProperties properties;

        ConduitSettings(ErpClientProperties properties) {
            this.properties = properties;
        }

        @Override
        public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
            // nothing to set on the factory
        }

        @Override
        public void configureClient(Client client) {
            HTTPConduit conduit = (HTTPConduit) client.getConduit();
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(properties.connectTimeout().toMillis());
            policy.setReceiveTimeout(properties.receiveTimeout().toMillis());
            policy.setAllowChunking(false);
            conduit.setClient(policy);
            ErpClientProperties.Tls tls = properties.tls();
            if (tls.trustStore() != null && !tls.trustStore().isBlank()) {
                TLSClientParameters parameters = new TLSClientParameters();
                parameters.setTrustManagers(trustManagers(tls).getTrustManagers());
                conduit.setTlsClientParameters(parameters);
            }
        }

        @Override
        public void configureServer(Server server) {
            // a client endpoint only
        }
    }

    /** The trust store of {@code werkbridge.destinations.erp.tls}; errors name the property, never the password. */
    static TrustManagerFactory trustManagers(ErpClientProperties.Tls tls) {
        char[] password = tls.trustStorePassword() == null ? null : tls.trustStorePassword().toCharArray();
        String location = tls.trustStore().contains(":") ? tls.trustStore() : "file:" + tls.trustStore();
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            KeyStore store = KeyStore.getInstance(location.endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException("werkbridge.destinations.erp.tls.trust-store cannot be read (or its password is wrong)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("werkbridge.destinations.erp.tls.trust-store is not a usable trust store", e);
        }
    }
}

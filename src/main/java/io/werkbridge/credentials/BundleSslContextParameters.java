package io.werkbridge.credentials;

import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.ssl.SslBundle;

/**
 * Camel's TLS settings for an HTTP endpoint, made from a Spring Boot SSL bundle: the client key store the
 * destination asks for and the trust store that vouches for the destination's server certificate.
 */
final class BundleSslContextParameters extends SSLContextParameters {

    private final SslBundle bundle;

    BundleSslContextParameters(SslBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public SSLContext createSSLContext(CamelContext camelContext) {
        return bundle.createSslContext();
    }
}

package io.werkbridge.messaging;

import io.werkbridge.model.CanonicalValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the routes use between connectors and queues. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    CanonicalValidator canonicalValidator() {
        return new CanonicalValidator();
    }
}

package io.werkbridge.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.StrictJson;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP API's ObjectMapper (request bodies bound to records: rights requests, detokenisation) reads JSON by the
 * same rules as canonical messages ({@link StrictJson}): duplicate keys, deep nesting and control characters in
 * strings are refused, and Spring reads the body as bytes, so invalid UTF-8 fails too.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .featuresToEnable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                .modulesToInstall(modules -> modules.add(StrictJson.controlCharacterModule()))
                .postConfigurer(mapper -> mapper.getFactory()
                        .setStreamReadConstraints(StrictJson.constraints(CanonicalJson.MAX_DOCUMENT_LENGTH)));
    }
}

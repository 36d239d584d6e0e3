package io.werkbridge.messaging;

import io.werkbridge.config.PositiveDataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The broker ({@code werkbridge.broker.*}). The acceptor settings and the memory bound shape the embedded broker
 * only ({@link EmbeddedBrokerConfiguration}); the management address is used with either broker.
 *
 * @param tcpEnabled        whether the embedded broker also accepts TCP connections (other hubs, tools)
 * @param host              the TCP acceptor's host
 * @param port              the TCP acceptor's port
 * @param globalMaxSize     messages the embedded broker keeps in memory; beyond that an address pages to disk
 * @param managementAddress the broker's management address (Artemis' {@code activemq.management})
 */
@Validated
@ConfigurationProperties("werkbridge.broker")
public record BrokerProperties(Boolean tcpEnabled, @NotBlank String host, @Min(1) @Max(65535) Integer port,
                               @PositiveDataSize DataSize globalMaxSize, @NotBlank String managementAddress) {

    public BrokerProperties {
        tcpEnabled = tcpEnabled == null || tcpEnabled;
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 61616 : port;
        globalMaxSize = globalMaxSize == null ? DataSize.ofMegabytes(64) : globalMaxSize;
        managementAddress = managementAddress == null ? "activemq.management" : managementAddress;
    }
}

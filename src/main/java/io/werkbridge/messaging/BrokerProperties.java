package io.werkbridge.messaging;

import io.werkbridge.config.PositiveDataSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The broker ({@code werkbridge.broker.*}). The acceptor settings, the users and the memory bound shape the embedded
 * broker only ({@link EmbeddedBrokerConfiguration}); the management address is used with either broker. The hub's
 * own broker user is {@code spring.artemis.user}/{@code password} ({@link BrokerSecurity}).
 *
 * @param tcpEnabled        whether the embedded broker also accepts TCP connections (other hubs, partner producers)
 * @param host              the TCP acceptor's host (loopback unless other machines must connect)
 * @param port              the TCP acceptor's port
 * @param globalMaxSize     messages the embedded broker keeps in memory; beyond that an address pages to disk
 * @param managementAddress the broker's management address (Artemis' {@code activemq.management})
 * @param users             further users of the embedded broker by name, e.g. partners that may only send to the
 *                          flows' inbound queues (role {@code inbound-producer}); none by default
 * @param tls               TLS on the embedded broker's TCP acceptor, on when a key store is set
 */
@Validated
@ConfigurationProperties("werkbridge.broker")
public record BrokerProperties(Boolean tcpEnabled, @NotBlank String host, @Min(1) @Max(65535) Integer port,
                               @PositiveDataSize DataSize globalMaxSize, @NotBlank String managementAddress,
                               Map<String, @Valid User> users, @Valid Tls tls) {

    public BrokerProperties {
        tcpEnabled = tcpEnabled == null || tcpEnabled;
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 61616 : port;
        globalMaxSize = globalMaxSize == null ? DataSize.ofMegabytes(64) : globalMaxSize;
        managementAddress = managementAddress == null ? "activemq.management" : managementAddress;
        users = users == null ? Map.of() : Map.copyOf(users);
        tls = tls == null ? new Tls(null, null, null, null, null) : tls;
    }

    /**
     * A broker user.
     *
     * @param password its password (from the environment, e.g. {@code WERKBRIDGE_BROKER_USERS_<NAME>_PASSWORD})
     * @param roles    {@value BrokerSecurity#HUB} (everything the hub does) or {@value BrokerSecurity#INBOUND_PRODUCER}
     *                 (send to {@code werkbridge.<flow>.inbound}, nothing else)
     */
    public record User(@NotBlank String password,
                       @NotEmpty Set<@Pattern(regexp = BrokerSecurity.HUB + "|" + BrokerSecurity.INBOUND_PRODUCER,
                               message = "must be " + BrokerSecurity.HUB + " or " + BrokerSecurity.INBOUND_PRODUCER) String> roles) {

        @Override
        public String toString() {
            return "User[roles=" + roles + "]";
        }
    }

    /**
     * TLS on the TCP acceptor.
     *
     * @param keyStore           the acceptor's key store (PKCS12 or JKS file); TLS is on when set
     * @param keyStorePassword   its password
     * @param trustStore         the clients' certificates' issuers, needed with {@code needClientAuth}
     * @param trustStorePassword its password
     * @param needClientAuth     whether a client must present a certificate the trust store vouches for
     */
    public record Tls(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword,
                      Boolean needClientAuth) {

        public Tls {
            needClientAuth = needClientAuth != null && needClientAuth;
        }

        public boolean enabled() {
            return keyStore != null && !keyStore.isBlank();
        }

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", trustStore=" + trustStore + ", needClientAuth=" + needClientAuth + "]";
        }
    }
}

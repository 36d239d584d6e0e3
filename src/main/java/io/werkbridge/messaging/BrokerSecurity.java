package io.werkbridge.messaging;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * Who may do what on the embedded broker (docker/broker.xml grants the same on an external one). No anonymous login:
 * the hub logs in as its own user ({@code spring.artemis.user}, role {@value #HUB}), which may do everything; a
 * partner with role {@value #INBOUND_PRODUCER} may only send to the flows' inbound queues, so it can neither read
 * the flow queues (whole records, before the privacy gate) nor publish past the inbound validation.
 *
 * <p>Without a configured hub password the hub makes a random one per start: only its own in-VM connection knows it,
 * so no default password exists anywhere, and TCP clients need a configured user.
 *
 * @param hubUser     the hub's user name
 * @param hubPassword its password
 * @param users       the further users ({@code werkbridge.broker.users})
 */
public record BrokerSecurity(String hubUser, String hubPassword, Map<String, BrokerProperties.User> users) {

    public static final String HUB = "hub";
    public static final String INBOUND_PRODUCER = "inbound-producer";
    static final String DEFAULT_HUB_USER = "werkbridge";

    public BrokerSecurity {
        if (users.containsKey(hubUser)) {
            throw new IllegalStateException("werkbridge.broker.users." + hubUser + " has the name of the hub's own user"
                    + " (spring.artemis.user): give the partner another name");
        }
    }

    static BrokerSecurity of(String hubUser, String hubPassword, BrokerProperties broker) {
        String user = hubUser == null || hubUser.isBlank() ? DEFAULT_HUB_USER : hubUser;
        String password = hubPassword == null || hubPassword.isBlank() ? randomPassword() : hubPassword;
        return new BrokerSecurity(user, password, broker.users());
    }

    /** Address match -> roles; Artemis applies the most specific match alone, so the inbound match names the hub too. */
    static Map<String, Set<Role>> roles() {
        Map<String, Set<Role>> out = new LinkedHashMap<>();
        // the hub: flows, dead letters, hold queues, the management address and its temporary reply queues
        out.put("#", Set.of(hub()));
        out.put("werkbridge.*.inbound", Set.of(hub(),
                new Role(INBOUND_PRODUCER, true, false, false, false, false, false, false, false, false, false, false, false)));
        return out;
    }

    /** The users and their roles, checked by Artemis' in-VM login module. */
    ActiveMQJAASSecurityManager securityManager() {
        SecurityConfiguration logins = new SecurityConfiguration();
        logins.addUser(hubUser, hubPassword);
        logins.addRole(hubUser, HUB);
        users.forEach((name, user) -> {
            logins.addUser(name, user.password());
            user.roles().forEach(role -> logins.addRole(name, role));
        });
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), logins);
    }

    /** send, consume, create/delete (non-)durable queues, manage, browse, create/delete addresses; not view/edit (JMX) */
    private static Role hub() {
        return new Role(HUB, true, true, true, true, true, true, true, true, true, true, false, false);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "BrokerSecurity[hubUser=" + hubUser + ", users=" + users.keySet() + "]";
    }
}

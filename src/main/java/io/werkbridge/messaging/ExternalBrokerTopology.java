package io.werkbridge.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On an external broker, makes sure every queue of every configured flow exists before the routes start: a
 * message published on a flow address without its destination queues would be dropped by the broker. Queues the
 * broker.xml declares already are left as they are; missing ones are created (durable) through the management
 * address. When that is not possible the hub does not start, saying which queue is missing, or which permission the
 * broker refused the hub's user (Artemis names it: {@code User: ... does not have permission='MANAGE' on address ...}).
 */
final class ExternalBrokerTopology {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalBrokerTopology.class);
    static final String HUB_PERMISSIONS = "send, consume, browse, createDurableQueue, deleteDurableQueue,"
            + " createNonDurableQueue, deleteNonDurableQueue, createAddress, deleteAddress and manage";

    /** The flow queues are present on the external broker. */
    record Declared(int queues) {
    }

    private ExternalBrokerTopology() {
    }

    static Declared declare(FlowProperties flows, BrokerManagement management) {
        List<QueueConfiguration> queues = new ArrayList<>();
        for (CoreAddressConfiguration address : BrokerTopology.addresses(flows)) {
            address.getQueueConfigs().forEach(q -> queues.add(QueueConfiguration.of(q)
                    .setAddress(address.getName()).setAutoCreateAddress(true)));
        }
        List<BrokerManagement.Request> requests = queues.stream()
                .map(q -> BrokerManagement.Request.operation(ResourceNames.BROKER, "createQueue", q.toJSON(), true))
                .toList();
        List<BrokerManagement.Reply> replies;
        try {
            replies = management.ask(requests);
        } catch (JMSSecurityException e) {
            throw new IllegalStateException("the external broker refused the hub's user: " + e.getMessage()
                    + ". Check WERKBRIDGE_BROKER_USER/_PASSWORD; the hub's user needs role " + BrokerSecurity.HUB
                    + " with " + HUB_PERMISSIONS + " (docker/broker.xml, docs/operations.md \"Broker\")", e);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot reach the external broker to check the flow queues: "
                    + e.getClass().getSimpleName() + " (is the broker up, are WERKBRIDGE_BROKER_URL/_USER/_PASSWORD right?)", e);
        }
        for (int i = 0; i < queues.size(); i++) {
            if (!replies.get(i).succeeded()) {
                throw new IllegalStateException("the external broker has no queue " + queues.get(i).getName()
                        + " and the hub may not create it (" + replies.get(i).result() + "): declare the flow topology"
                        + " in broker.xml (see docker/broker.xml) or grant the hub's user " + HUB_PERMISSIONS);
            }
        }
        LOG.info("external broker: {} flow queues present", queues.size());
        return new Declared(queues.size());
    }
}

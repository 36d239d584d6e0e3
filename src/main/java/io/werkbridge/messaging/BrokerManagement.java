package io.werkbridge.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Requests to the broker's management address over JMS (the same for the embedded and an external broker): read an
 * attribute or invoke an operation of a resource ({@code broker}, {@code queue.<name>}). Needs the {@code manage}
 * permission on an external broker.
 */
final class BrokerManagement {

    private static final long REPLY_TIMEOUT_MS = 5000;

    private final ConnectionFactory connectionFactory;
    private final String managementAddress;

    BrokerManagement(ConnectionFactory connectionFactory, String managementAddress) {
        this.connectionFactory = connectionFactory;
        this.managementAddress = managementAddress;
    }

    /** One request: an attribute ({@code operation} null) or an operation with parameters. */
    record Request(String resource, String attribute, String operation, Object... parameters) {
        static Request attribute(String resource, String attribute) {
            return new Request(resource, attribute, null);
        }

        static Request operation(String resource, String operation, Object... parameters) {
            return new Request(resource, null, operation, parameters);
        }
    }

    /** A reply: whether the broker carried the request out, and its result (or error text). */
    record Reply(boolean succeeded, Object result) {
    }

    /** Sends the requests in order over one session; a request the broker does not answer in time gets a failed reply. */
    List<Reply> ask(List<Request> requests) throws JMSException {
        List<Reply> replies = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replyQueue = session.createTemporaryQueue();
            try (MessageProducer producer = session.createProducer(session.createQueue(managementAddress));
                 MessageConsumer consumer = session.createConsumer(replyQueue)) {
                for (Request request : requests) {
                    Message message = session.createMessage();
                    message.setJMSReplyTo(replyQueue);
                    if (request.operation() == null) {
                        JMSManagementHelper.putAttribute(message, request.resource(), request.attribute());
                    } else {
                        JMSManagementHelper.putOperationInvocation(message, request.resource(), request.operation(),
                                request.parameters());
                    }
                    producer.send(message);
                    replies.add(reply(consumer.receive(REPLY_TIMEOUT_MS)));
                }
            } finally {
                replyQueue.delete();
            }
        }
        return replies;
    }

    private static Reply reply(Message message) throws JMSException {
        if (message == null) {
            return new Reply(false, "no answer from the broker's management address");
        }
        try {
            return new Reply(JMSManagementHelper.hasOperationSucceeded(message), JMSManagementHelper.getResult(message));
        } catch (JMSException e) {
            throw e;
        } catch (Exception e) {
            return new Reply(false, "unreadable management reply: " + e.getClass().getSimpleName());
        }
    }
}

package io.werkbridge.connector.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.connector.erp.services.Address;
import io.werkbridge.connector.erp.services.Attachment;
import io.werkbridge.connector.erp.services.CreateSalesOrder;
import io.werkbridge.connector.erp.services.CreateServiceTicket;
import io.werkbridge.connector.erp.services.DocumentAck;
import io.werkbridge.connector.erp.services.OrderLine;
import io.werkbridge.connector.erp.services.Payment;
import io.werkbridge.connector.erp.services.Person;
import io.werkbridge.messaging.HubHeaders;
import io.werkbridge.messaging.IdempotentDelivery;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.InvalidCanonicalMessageException;
import java.util.Base64;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maps a canonical order or service ticket, as the privacy gate let it through for the ERP, to the ERP's
 * createSalesOrder / createServiceTicket request, with the hub's message id as the idempotency key, and checks the
 * ERP's answer. A field the gate removed is simply not sent; a field the ERP cannot do without is an error that parks
 * the message (retrying would not bring it back).
 */
@Component("erpOrderTicketMapper")
public final class ErpOrderTicketMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErpOrderTicketMapper.class);
    /** Looked up once: {@code DatatypeFactory.newInstance()} searches the class path on every call. */
    private static final DatatypeFactory DATATYPES = datatypeFactory();

    public CreateSalesOrder salesOrder(String envelope, @ExchangeProperty(IdempotentDelivery.MESSAGE_ID) String messageId) {
        JsonNode body = body(envelope);
        CreateSalesOrder order = new CreateSalesOrder();
        order.setIdempotencyKey(idempotencyKey(messageId));
        order.setOrderNumber(required(body, "orderNumber", "createSalesOrder"));
        order.setCustomerNumber(required(body, "customerNumber", "createSalesOrder"));
        order.setOrderedBy(person(body.get("orderedBy")));
        for (JsonNode line : body.path("lines")) {
            OrderLine out = new OrderLine();
            out.setPartNumber(required(line, "partNumber", "createSalesOrder line"));
            if (!line.path("quantity").isNumber()) {
                throw missing("lines[].quantity", "createSalesOrder");
            }
            out.setQuantity(line.path("quantity").decimalValue());
            out.setUnitPrice(line.path("unitPrice").isNumber() ? line.path("unitPrice").decimalValue() : null);
            order.getLine().add(out);
        }
        if (order.getLine().isEmpty()) {
            throw missing("lines", "createSalesOrder");
        }
        order.setShippingAddress(address(body.get("shippingAddress")));
        JsonNode payment = body.get("payment");
        if (payment != null && payment.isObject() && !payment.isEmpty()) {
            Payment out = new Payment();
            out.setMethod(text(payment, "method"));
            out.setIban(text(payment, "iban"));
            order.setPayment(out);
        }
        return order;
    }

    public CreateServiceTicket serviceTicket(String envelope, @ExchangeProperty(IdempotentDelivery.MESSAGE_ID) String messageId) {
        JsonNode body = body(envelope);
        CreateServiceTicket ticket = new CreateServiceTicket();
        ticket.setIdempotencyKey(idempotencyKey(messageId));
        ticket.setTicketId(required(body, "ticketId", "createServiceTicket"));
        ticket.setCustomerNumber(required(body, "customerNumber", "createServiceTicket"));
        ticket.setMachineNumber(text(body, "machineNumber"));
        ticket.setReportedBy(person(body.get("reportedBy")));
        ticket.setDescription(text(body, "description"));
        ticket.setPriority(text(body, "priority"));
        String preferred = text(body, "preferredDate");
        ticket.setPreferredDate(preferred == null ? null : date(preferred));
        JsonNode attachments = body.path("attachments");
        attachments.path("photos").forEach(a -> ticket.getAttachment().add(attachment("photo", a)));
        attachments.path("videos").forEach(a -> ticket.getAttachment().add(attachment("video", a)));
        return ticket;
    }

    /** A photo or video with what the gate left of it; the content is decoded base64, never looked into. */
    private static Attachment attachment(String kind, JsonNode in) {
        Attachment out = new Attachment();
        out.setKind(kind);
        out.setFileName(text(in, "fileName"));
        out.setMediaType(text(in, "mediaType"));
        out.setSize(in.hasNonNull("size") ? in.get("size").asLong() : null);
        out.setSha256(text(in, "sha256"));
        String takenAt = text(in, "takenAt");
        out.setTakenAt(takenAt == null ? null : DATATYPES.newXMLGregorianCalendar(takenAt));
        String content = text(in, "content");
        try {
            out.setContent(content == null ? null : Base64.getDecoder().decode(content));
        } catch (IllegalArgumentException e) {
            throw new InvalidCanonicalMessageException(List.of("$.body.attachments: a " + kind + "'s content is not base64"));
        }
        return out;
    }

    /**
     * Checks the ERP's answer: it must acknowledge this message's idempotency key with a document number.
     *
     * @param answer CXF's result list; the first element is the acknowledgement
     */
    public String confirm(List<?> answer, @ExchangeProperty(IdempotentDelivery.MESSAGE_ID) String messageId) {
        if (answer == null || answer.isEmpty() || !(answer.get(0) instanceof DocumentAck ack)) {
            throw new IllegalStateException("the ERP answered without a documentAck");
        }
        if (!ack.getIdempotencyKey().equals(messageId)) {
            throw new IllegalStateException("the ERP acknowledged another idempotency key than the one sent");
        }
        LOG.info("message {}: ERP document {} ({})", messageId, ack.getDocumentNumber(), ack.getStatus());
        return ack.getDocumentNumber();
    }

    private static JsonNode body(String envelope) {
        JsonNode body = CanonicalJson.read(envelope).path("body");
        if (!body.isObject()) {
            throw new InvalidCanonicalMessageException(List.of("$.body: expected an object"));
        }
        return body;
    }

    private static Person person(JsonNode in) {
        if (in == null || !in.isObject() || in.isEmpty()) {
            return null;
        }
        Person person = new Person();
        person.setName(text(in, "name"));
        person.setEmail(text(in, "email"));
        person.setPhone(text(in, "phone"));
        return person;
    }

    private static Address address(JsonNode in) {
        if (in == null || !in.isObject() || in.isEmpty()) {
            return null;
        }
        Address address = new Address();
        address.setStreet(text(in, "street"));
        address.setPostalCode(text(in, "postalCode"));
        address.setCity(text(in, "city"));
        address.setCountry(text(in, "country"));
        return address;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode node, String field, String operation) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw missing(field, operation);
        }
        return value;
    }

    private static String idempotencyKey(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new InvalidCanonicalMessageException(List.of("the message id (" + HubHeaders.MESSAGE_ID
                    + ") is missing: the ERP needs it as idempotency key"));
        }
        return messageId;
    }

    private static InvalidCanonicalMessageException missing(String field, String operation) {
        return new InvalidCanonicalMessageException(List.of("$.body." + field + ": required by the ERP's " + operation
                + " but missing after the privacy gate (check destination erp in destinations.yml)"));
    }

    private static XMLGregorianCalendar date(String isoDate) {
        try {
            return DATATYPES.newXMLGregorianCalendar(isoDate);
        } catch (IllegalArgumentException e) {
            throw new InvalidCanonicalMessageException(List.of("$.body.preferredDate: not an ISO date"));
        }
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("the JDK's XML datatype factory is missing", e);
        }
    }
}

package io.werkbridge.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.connector.erp.services.CreateSalesOrder;
import io.werkbridge.connector.erp.services.CreateServiceTicket;
import io.werkbridge.connector.erp.services.DocumentAck;
import io.werkbridge.model.InvalidCanonicalMessageException;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.junit.jupiter.api.Test;

/** Mapping gated canonical orders and tickets to the ERP's requests, checking its answers, naming its failures. */
class ErpOrderTicketMapperTest {

    private final ErpOrderTicketMapper mapper = new ErpOrderTicketMapper();

    private static String envelope(String body) {
        return "{\"messageId\":\"m-1\",\"type\":\"order\",\"key\":\"k\",\"operation\":\"upsert\",\"occurredAt\":\"2026-11-20T10:15:00Z\","
                + "\"source\":\"shop\",\"body\":" + body + "}";
    }

    @Test
    void orderWithWhatTheGateLeftBecomesARequestWithTheKey() {
        CreateSalesOrder order = mapper.salesOrder(envelope("""
                {"orderNumber":"O-1","customerNumber":"100234","lines":[{"partNumber":"P-1","quantity":2.5}]}"""), "key-1");
        assertThat(order.getIdempotencyKey()).isEqualTo("key-1");
        assertThat(order.getOrderNumber()).isEqualTo("O-1");
        assertThat(order.getLine()).singleElement().satisfies(l -> {
            assertThat(l.getQuantity()).isEqualByComparingTo(new BigDecimal("2.5"));
            assertThat(l.getUnitPrice()).isNull();
        });
        assertThat(order.getOrderedBy()).isNull();
        assertThat(order.getShippingAddress()).isNull();
        assertThat(order.getPayment()).isNull();
    }

    @Test
    void whatTheErpCannotDoWithoutIsAnErrorNamingThePathNotTheValue() {
        assertThatThrownBy(() -> mapper.salesOrder(envelope("""
                {"orderNumber":"O-1","lines":[{"partNumber":"P-1","quantity":1}]}"""), "key-1"))
                .isInstanceOf(InvalidCanonicalMessageException.class)
                .hasMessageContaining("$.body.customerNumber").hasMessageContaining("createSalesOrder");
        assertThatThrownBy(() -> mapper.salesOrder(envelope("""
                {"orderNumber":"O-1","customerNumber":"100234","lines":[]}"""), "key-1"))
                .hasMessageContaining("$.body.lines");
        assertThatThrownBy(() -> mapper.serviceTicket(envelope("""
                {"ticketId":"T-1","customerNumber":"100234"}"""), null))
                .isInstanceOf(InvalidCanonicalMessageException.class).hasMessageContaining("WerkbridgeMessageId");
        assertThatThrownBy(() -> mapper.serviceTicket(envelope("""
                {"ticketId":"T-1","customerNumber":"100234","preferredDate":"1.12.2026"}"""), "key-1"))
                .hasMessageContaining("$.body.preferredDate").hasMessageNotContaining("1.12.2026");
    }

    @Test
    void ticketKeepsItsDate() {
        CreateServiceTicket ticket = mapper.serviceTicket(envelope("""
                {"ticketId":"T-1","customerNumber":"100234","priority":"high","preferredDate":"2026-12-01"}"""), "key-2");
        assertThat(ticket.getPreferredDate().toXMLFormat()).isEqualTo("2026-12-01");
        assertThat(ticket.getReportedBy()).isNull();
    }

    @Test
    void anAnswerForAnotherKeyIsAFailure() {
        DocumentAck ack = new DocumentAck();
        ack.setIdempotencyKey("key-1");
        ack.setDocumentNumber("SO-1");
        ack.setStatus("created");
        assertThat(mapper.confirm(List.of(ack), "key-1")).isEqualTo("SO-1");
        assertThatThrownBy(() -> mapper.confirm(List.of(ack), "key-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> mapper.confirm(List.of(), "key-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failuresAreNamedWithoutTheErpsText() {
        SoapFault fault = new SoapFault("customer Erika Beispiel is blocked", new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server"));
        assertThat(new ErpCallException("createSalesOrder", fault).getMessage())
                .isEqualTo("ERP call createSalesOrder failed: SOAP fault Server (status 500)");
        assertThat(new ErpCallException("lookupCustomer", new Fault(new SocketTimeoutException("Read timed out"))).getMessage())
                .endsWith("timed out");
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("erp"));
        assertThat(new ErpCallException("createServiceTicket", open).getMessage()).contains("circuit breaker open");
    }
}

package io.werkbridge.connector.shop;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.werkbridge.privacy.gate.MessageHeldException;
import java.net.URI;
import java.util.regex.Pattern;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shop pull: the shop reads one customer as it may see it. The hub keeps no copy of master data: route
 * {@code shop-customer-pull} asks the ERP (lookupCustomer) and passes the answer through {@code privacy:shop},
 * which records the disclosure like any delivery. Unknown customer 404; ERP failing 502, its circuit breaker open
 * 503; a customer whose data the gate holds (restriction, contract) 409.
 */
@RestController
public final class ShopCustomerController {

    private static final Logger LOG = LoggerFactory.getLogger(ShopCustomerController.class);
    private static final Pattern CUSTOMER_NUMBER = Pattern.compile("[0-9A-Z\\-]{1,20}");
    private static final String ROUTE = "direct:shop-customer-pull";
    private final ProducerTemplate producer;

    public ShopCustomerController(ProducerTemplate producer) {
        this.producer = producer;
    }

    @GetMapping(path = "/api/v1/shop/customers/{customerNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> customer(@PathVariable String customerNumber) {
        if (!CUSTOMER_NUMBER.matcher(customerNumber).matches()) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "path parameter customerNumber must be 1-20 upper-case letters, digits or '-'");
        }
        String filtered;
        try {
            filtered = producer.requestBody(ROUTE, customerNumber, String.class);
        } catch (CamelExecutionException e) {
            return failed(e);
        }
        if (filtered == null) {
            return problem(HttpStatus.NOT_FOUND, "unknown-customer", "Unknown customer", "the ERP knows no customer with this number");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(filtered);
    }

    private static ResponseEntity<Object> failed(CamelExecutionException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallNotPermittedException) {
                return problem(HttpStatus.SERVICE_UNAVAILABLE, "erp-unavailable", "ERP unavailable",
                        "the ERP failed repeatedly and is not asked for a while (circuit breaker open); retry later");
            }
            if (cause instanceof MessageHeldException) {
                return problem(HttpStatus.CONFLICT, "held-by-privacy-gate", "Held by the privacy gate",
                        "the privacy gate does not release this customer's data to the shop now (restriction or contract)");
            }
        }
        Throwable reason = e.getCause() == null ? e : e.getCause();
        LOG.warn("shop pull failed: {}", reason.getMessage());
        return problem(HttpStatus.BAD_GATEWAY, "erp-failed", "ERP lookup failed",
                "the ERP did not answer the lookup correctly; retry later");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:werkbridge:problem:" + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

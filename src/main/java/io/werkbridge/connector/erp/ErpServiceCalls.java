package io.werkbridge.connector.erp;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.connector.erp.services.Address;
import io.werkbridge.connector.erp.services.AnonymizeBusinessPartner;
import io.werkbridge.connector.erp.services.AnonymizeBusinessPartnerResponse;
import io.werkbridge.connector.erp.services.BankAccount;
import io.werkbridge.connector.erp.services.Contact;
import io.werkbridge.connector.erp.services.Contract;
import io.werkbridge.connector.erp.services.CustomerMaster;
import io.werkbridge.connector.erp.services.LookupCustomer;
import io.werkbridge.connector.erp.services.LookupCustomerResponse;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.Customer;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Synchronous calls to the ERP's web service for the hub's own questions: look up a customer (shop pull, data-subject
 * access) and anonymise a business partner (erasure). Each call goes through route {@code erp-call}, that is
 * through the ERP's one circuit breaker; each carries a fresh request id as its idempotency key. Nothing the ERP
 * answers is stored.
 */
@Component("erpServiceCalls")
public final class ErpServiceCalls {

    private static final String ENDPOINT = "direct:erp-call";
    private final ProducerTemplate producer;
    private final CircuitBreaker breaker;

    public ErpServiceCalls(ProducerTemplate producer, CircuitBreaker erpCircuitBreaker) {
        this.producer = producer;
        this.breaker = erpCircuitBreaker;
    }

    /** The customer as a canonical envelope (not stored, not published), or empty when the ERP does not know it. */
    public Optional<Envelope> lookup(String customerNumber) {
        LookupCustomer request = new LookupCustomer();
        request.setIdempotencyKey(UUID.randomUUID().toString());
        request.setCustomerNumber(customerNumber);
        LookupCustomerResponse answer = call("lookupCustomer", request, LookupCustomerResponse.class);
        CustomerMaster customer = answer.getCustomer();
        if (customer == null) {
            return Optional.empty();
        }
        if (!customerNumber.equals(customer.getCustomerNumber())) {
            throw new IllegalStateException("the ERP answered lookupCustomer with another customer than the one asked for");
        }
        return Optional.of(Envelope.create(EntityType.CUSTOMER, customer.getCustomerNumber(), Operation.UPSERT,
                Instant.now(), ErpDocument.SOURCE, CanonicalJson.tree(canonical(customer))));
    }

    /** For routes: the looked-up customer, or null when the ERP does not know it. */
    public Envelope lookupOrNull(String customerNumber) {
        return lookup(customerNumber).orElse(null);
    }

    /** @param contactId one contact person of the customer, or null for the whole business partner */
    public String anonymize(String customerNumber, String contactId) {
        AnonymizeBusinessPartner request = new AnonymizeBusinessPartner();
        request.setIdempotencyKey(UUID.randomUUID().toString());
        request.setCustomerNumber(customerNumber);
        request.setContactId(contactId);
        return call("anonymizeBusinessPartner", request, AnonymizeBusinessPartnerResponse.class).getResult();
    }

    private <T> T call(String operation, Object request, Class<T> answerType) {
        Object answer;
        try {
            answer = producer.requestBodyAndHeader(ENDPOINT, request, "operationName", operation);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof ErpCallException failed) {
                throw failed;
            }
            throw new ErpCallException(operation, e.getCause() == null ? e : e.getCause());
        }
        Object first = answer instanceof List<?> list && !list.isEmpty() ? list.get(0) : answer;
        if (!answerType.isInstance(first)) {
            throw new ErpCallException(operation, new IllegalStateException("unexpected answer type"));
        }
        return answerType.cast(first);
    }

    /**
     * For route {@code erp-call}'s fallback: the call failed (or the breaker is open); fail the exchange with an
     * {@link ErpCallException} that says what went wrong without repeating what the ERP answered.
     */
    public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure, @Header("operationName") String operation) {
        // a call the open breaker did not let through reaches the fallback without an exception
        throw new ErpCallException(operation, failure != null ? failure : CallNotPermittedException.createCallNotPermittedException(breaker));
    }

    private static Customer canonical(CustomerMaster in) {
        return new Customer(in.getCustomerNumber(),
                new Customer.Company(ErpCustomerMapper.kind(in.getCompany().getKind()), in.getCompany().getName(), in.getCompany().getVatId(), address(in.getCompany().getAddress())),
                in.getContact().stream().map(ErpServiceCalls::contact).toList(),
                in.getBankAccount().stream().map(ErpServiceCalls::bankAccount).toList(),
                in.getPaymentTerms(), contract(in.getContract()), in.getRemarks());
    }

    private static Customer.Contact contact(Contact in) {
        return new Customer.Contact(in.getId(), in.getTitle(), in.getFirstName(), in.getLastName(), in.getEmail(),
                in.getPhone(), in.getFunction(), in.isRepresentationAuthority(), address(in.getBusinessAddress()));
    }

    private static Customer.BankAccount bankAccount(BankAccount in) {
        return new Customer.BankAccount(in.getIban(), in.getBic(), in.getHolder());
    }

    private static Customer.Contract contract(Contract in) {
        return in == null ? null : new Customer.Contract(in.getNumber(), ErpCustomerMapper.date(in.getStart()), ErpCustomerMapper.date(in.getEnd()));
    }

    private static io.werkbridge.model.Address address(Address in) {
        return in == null ? null : new io.werkbridge.model.Address(in.getStreet(), in.getPostalCode(), in.getCity(), in.getCountry());
    }

}

package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.generated.BankAccount;
import io.werkbridge.connector.erp.generated.Company;
import io.werkbridge.connector.erp.generated.Contact;
import io.werkbridge.connector.erp.generated.Contract;
import io.werkbridge.connector.erp.generated.DeleteCustomer;
import io.werkbridge.connector.erp.generated.PublishAck;
import io.werkbridge.connector.erp.generated.PublishCustomer;
import io.werkbridge.model.Address;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.Customer;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import io.werkbridge.model.PartyKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.XMLGregorianCalendar;
import org.springframework.stereotype.Component;

/** Maps the ERP's SOAP customer-master messages to canonical envelopes, and answers with an acknowledgement. */
@Component("erpCustomerMapper")
public final class ErpCustomerMapper {

    /** @param body CXF's parameter list; the first element is the request */
    public Envelope upsert(List<?> body) {
        PublishCustomer in = first(body, PublishCustomer.class);
        Customer customer = new Customer(
                in.getCustomerNumber(),
                company(in.getCompany()),
                in.getContact().stream().map(ErpCustomerMapper::contact).toList(),
                in.getBankAccount().stream().map(ErpCustomerMapper::bankAccount).toList(),
                in.getPaymentTerms(),
                contract(in.getContract()),
                in.getRemarks());
        return Envelope.create(EntityType.CUSTOMER, in.getCustomerNumber(), Operation.UPSERT,
                instant(in.getChangedAt()), ErpDocument.SOURCE, CanonicalJson.tree(customer));
    }

    public Envelope delete(List<?> body) {
        DeleteCustomer in = first(body, DeleteCustomer.class);
        return Envelope.create(EntityType.CUSTOMER, in.getCustomerNumber(), Operation.DELETE,
                instant(in.getChangedAt()), ErpDocument.SOURCE, CanonicalJson.tree(Map.of("customerNumber", in.getCustomerNumber())));
    }

    public PublishAck acknowledge(String messageId) {
        PublishAck ack = new PublishAck();
        ack.setMessageId(messageId);
        ack.setStatus("accepted");
        return ack;
    }

    static <T> T first(List<?> body, Class<T> type) {
        if (body == null || body.isEmpty() || !type.isInstance(body.get(0))) {
            throw new IllegalArgumentException("expected a " + type.getSimpleName() + " request");
        }
        return type.cast(body.get(0));
    }

    private static Customer.Company company(Company in) {
        return new Customer.Company(kind(in.getKind()), in.getName(), in.getVatId(), address(in.getAddress()));
    }

    /** The optional {@code kind} element of the ERP's contracts (each has its own generated enum of the same codes). */
    static PartyKind kind(Enum<?> code) {
        return code == null ? PartyKind.UNKNOWN : PartyKind.valueOf(code.name());
    }

    private static Customer.Contact contact(Contact in) {
        return new Customer.Contact(in.getId(), in.getTitle(), in.getFirstName(), in.getLastName(), in.getEmail(),
                in.getPhone(), in.getFunction(), in.isRepresentationAuthority(), address(in.getBusinessAddress()));
    }

    private static Customer.BankAccount bankAccount(BankAccount in) {
        return new Customer.BankAccount(in.getIban(), in.getBic(), in.getHolder());
    }

    private static Customer.Contract contract(Contract in) {
        return in == null ? null : new Customer.Contract(in.getNumber(), date(in.getStart()), date(in.getEnd()));
    }

    private static Address address(io.werkbridge.connector.erp.generated.Address in) {
        return in == null ? null : new Address(in.getStreet(), in.getPostalCode(), in.getCity(), in.getCountry());
    }

    static LocalDate date(XMLGregorianCalendar value) {
        return value == null ? null : LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    static Instant instant(XMLGregorianCalendar value) {
        return value == null ? Instant.now() : value.toGregorianCalendar().toInstant();
    }
}

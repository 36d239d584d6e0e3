package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.documents.generated.BillTo;
import io.werkbridge.connector.erp.documents.generated.CustomerContact;
import io.werkbridge.connector.erp.documents.generated.InvoiceLine;
import io.werkbridge.connector.erp.documents.generated.Machine;
import io.werkbridge.connector.erp.documents.generated.Part;
import io.werkbridge.connector.erp.documents.generated.Payment;
import io.werkbridge.connector.erp.documents.generated.PublishAck;
import io.werkbridge.connector.erp.documents.generated.PublishInvoice;
import io.werkbridge.connector.erp.documents.generated.PublishServiceReport;
import io.werkbridge.connector.erp.documents.generated.Signature;
import io.werkbridge.connector.erp.documents.generated.Technician;
import io.werkbridge.connector.erp.documents.generated.Totals;
import io.werkbridge.connector.erp.documents.generated.Visit;
import io.werkbridge.model.Address;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.connector.erp.invoice.InvoiceReconciliation;
import io.werkbridge.model.Invoice;
import io.werkbridge.model.Operation;
import io.werkbridge.model.ServiceReport;
import java.util.List;
import org.springframework.stereotype.Component;

/** Maps the ERP's SOAP invoices and service reports to canonical envelopes, and answers with an acknowledgement. */
@Component("erpDocumentMapper")
public final class ErpDocumentMapper {

    /** @param body CXF's parameter list; the first element is the request */
    public Envelope invoice(List<?> body) {
        PublishInvoice in = ErpCustomerMapper.first(body, PublishInvoice.class);
        // the SOAP interface knows commercial invoices only, priced per unit, with net, tax and gross
        Invoice invoice = new Invoice(in.getInvoiceNumber(), Invoice.COMMERCIAL_INVOICE, in.getCustomerNumber(),
                ErpCustomerMapper.date(in.getIssueDate()), ErpCustomerMapper.date(in.getDueDate()), in.getCurrency(), null,
                null, billTo(in.getBillTo()), null, null, null,
                in.getLine().stream().map(ErpDocumentMapper::line).toList(), null, totals(in.getTotals()),
                payment(in.getPayment()));
        InvoiceReconciliation.check(invoice);
        return Envelope.create(EntityType.INVOICE, in.getInvoiceNumber(), Operation.UPSERT, ErpCustomerMapper.instant(in.getChangedAt()),
                ErpDocument.SOURCE, CanonicalJson.tree(invoice));
    }

    public Envelope serviceReport(List<?> body) {
        PublishServiceReport in = ErpCustomerMapper.first(body, PublishServiceReport.class);
        ServiceReport report = new ServiceReport(in.getReportNumber(), in.getCustomerNumber(), machine(in.getMachine()),
                technician(in.getTechnician()), visit(in.getVisit()), in.getWork(),
                in.getPart().stream().map(ErpDocumentMapper::part).toList(), contact(in.getCustomerContact()),
                signature(in.getSignature()));
        return Envelope.create(EntityType.SERVICE_REPORT, in.getReportNumber(), Operation.UPSERT,
                ErpCustomerMapper.instant(in.getChangedAt()), ErpDocument.SOURCE, CanonicalJson.tree(report));
    }

    public PublishAck acknowledge(String messageId) {
        PublishAck ack = new PublishAck();
        ack.setMessageId(messageId);
        ack.setStatus("accepted");
        return ack;
    }

    private static Invoice.BillTo billTo(BillTo in) {
        return new Invoice.BillTo(ErpCustomerMapper.kind(in.getKind()), in.getCompany(), in.getContactName(), in.getEmail(), address(in.getAddress()));
    }

    private static Invoice.Line line(InvoiceLine in) {
        return new Invoice.Line(in.getPosition().intValueExact(), in.getPartNumber(), in.getDescription(),
                in.getQuantity(), in.getUnitPrice(), in.getNet());
    }

    private static Invoice.Totals totals(Totals in) {
        return Invoice.Totals.ofNetTaxGross(in.getNet(), in.getTax(), in.getGross());
    }

    private static Invoice.Payment payment(Payment in) {
        if (in == null) {
            return null;
        }
        List<Invoice.Account> accounts = in.getIban() == null ? List.of() : List.of(new Invoice.Account(in.getIban(), null, in.getBic()));
        return new Invoice.Payment(null, null, null, in.getTerms(), accounts, null, null);
    }

    private static ServiceReport.Machine machine(Machine in) {
        return new ServiceReport.Machine(in.getSerialNumber(), in.getType());
    }

    private static ServiceReport.Technician technician(Technician in) {
        return in == null ? null : new ServiceReport.Technician(in.getId(), in.getFirstName(), in.getLastName());
    }

    private static ServiceReport.Visit visit(Visit in) {
        return in == null ? null : new ServiceReport.Visit(ErpCustomerMapper.instant(in.getStart()), ErpCustomerMapper.instant(in.getEnd()));
    }

    private static ServiceReport.Part part(Part in) {
        return new ServiceReport.Part(in.getPartNumber(), in.getDescription(), in.getQuantity());
    }

    private static ServiceReport.Person contact(CustomerContact in) {
        return in == null ? null : new ServiceReport.Person(in.getName(), in.getEmail(), in.getPhone());
    }

    private static ServiceReport.Signature signature(Signature in) {
        return in == null ? null : new ServiceReport.Signature(in.getName(), ErpCustomerMapper.instant(in.getSignedAt()));
    }

    private static Address address(io.werkbridge.connector.erp.documents.generated.Address in) {
        return in == null ? null : new Address(in.getStreet(), in.getPostalCode(), in.getCity(), in.getCountry());
    }
}

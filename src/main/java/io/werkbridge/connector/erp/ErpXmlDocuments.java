package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.cii.CiiInvoiceMapper;
import io.werkbridge.connector.erp.idoc.IdocProperties;
import io.werkbridge.connector.erp.idoc.IdocReader;
import io.werkbridge.connector.erp.idoc.SapPartyKinds;
import io.werkbridge.connector.erp.ubl.UblInvoiceMapper;
import io.werkbridge.connector.erp.xml.SafeXml;
import io.werkbridge.connector.erp.zugferd.ZugferdPdf;
import io.werkbridge.messaging.InboundPublisher;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.model.InvalidCanonicalMessageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.springframework.stereotype.Component;

/**
 * ERP documents as XML, from the HTTP API or the inbox: parsed safely, recognised by their root element (IDoc XML:
 * {@code <TYPE><IDOC>...}; UBL: {@code Invoice} or {@code CreditNote} in the UBL 2.1 namespaces; CII:
 * {@code CrossIndustryInvoice} in the D16B namespace; a PDF, by its "%PDF-" header: ZUGFeRD/Factur-X, its embedded CII), mapped to canonical messages, all of them
 * validated, and only then queued on their flows' inbound queues. A document that fails anywhere queues nothing.
 */
@Component
public final class ErpXmlDocuments {

    /** The XML formats the hub reads. */
    public enum Format {
        IDOC("IDoc XML (DEBMAS, INVOIC02)"), UBL("a UBL 2.1 Invoice or CreditNote"),
        CII("a UN/CEFACT Cross Industry Invoice (CII D16B)"), ZUGFERD("a ZUGFeRD/Factur-X PDF");

        private final String label;

        Format(String label) {
            this.label = label;
        }
    }

    private final CanonicalValidator validator;
    private final InboundPublisher publisher;
    private final SapPartyKinds partyKinds;

    public ErpXmlDocuments(CanonicalValidator validator, InboundPublisher publisher, IdocProperties idoc) {
        this.validator = validator;
        this.publisher = publisher;
        this.partyKinds = idoc.partyKinds();
    }

    /** @return the message ids, one per canonical message queued; every document is checked before any is queued */
    public List<String> receive(InputStream xml, Set<Format> accepted) throws IOException {
        return validated(xml, accepted).stream()
                .map(v -> publisher.publishValid(v.document().flow(), v.document().envelope(), v.json()))
                .toList();
    }

    /** Parses, maps and validates without queueing anything. */
    public List<ErpDocument> read(InputStream xml, Set<Format> accepted) throws IOException {
        return validated(xml, accepted).stream().map(Validated::document).toList();
    }

    private List<Validated> validated(InputStream in, Set<Format> accepted) throws IOException {
        byte[] data = in.readAllBytes();
        if (ZugferdPdf.isPdf(data)) {
            accept(Format.ZUGFERD, accepted);
            Element root = SafeXml.parse(new ByteArrayInputStream(ZugferdPdf.invoiceXml(data))).getDocumentElement();
            if (!CiiInvoiceMapper.isCii(root)) {
                throw new InvalidErpDocumentException("the PDF's invoice XML is not a CII D16B invoice (namespace "
                        + CiiInvoiceMapper.RSM + "): ZUGFeRD 2 and Factur-X are read, ZUGFeRD 1 is not");
            }
            return validated(List.of(CiiInvoiceMapper.map(root)));
        }
        Element root = SafeXml.parse(new ByteArrayInputStream(data)).getDocumentElement();
        Format format = formatOf(root);
        accept(format, accepted);
        return validated(switch (format) {
            case IDOC -> IdocReader.read(root, partyKinds);
            case UBL -> List.of(UblInvoiceMapper.map(root));
            case CII, ZUGFERD -> List.of(CiiInvoiceMapper.map(root));
        });
    }

    private static void accept(Format format, Set<Format> accepted) {
        if (!accepted.contains(format)) {
            throw new InvalidErpDocumentException("wrong document type: " + format.label + " is not accepted here; expected "
                    + String.join(" or ", accepted.stream().map(f -> f.label).sorted().toList()));
        }
    }

    private List<Validated> validated(List<ErpDocument> documents) {
        return documents.stream().map(d -> new Validated(d, validJson(d))).toList();
    }

    private static Format formatOf(Element root) {
        if (UblInvoiceMapper.isUblInvoice(root)) {
            return Format.UBL;
        }
        if (CiiInvoiceMapper.isCii(root)) {
            return Format.CII;
        }
        if (IdocReader.isIdoc(root)) {
            return Format.IDOC;
        }
        throw new InvalidErpDocumentException("unknown document: the root element is neither IDoc XML (an IDoc type holding"
                + " IDOC elements) nor a UBL 2.1 Invoice or CreditNote (namespace " + UblInvoiceMapper.INVOICE + " or "
                + UblInvoiceMapper.CREDIT_NOTE + ") nor a CII invoice (namespace " + CiiInvoiceMapper.RSM + ")");
    }

    private String validJson(ErpDocument document) {
        try {
            return validator.toValidJson(document.envelope());
        } catch (InvalidCanonicalMessageException e) {
            throw new InvalidErpDocumentException("the document does not give a valid canonical "
                    + document.envelope().type().id() + ": " + String.join("; ", e.violations()));
        }
    }

    /** A mapped document and its canonical JSON, validated once and queued as it is. */
    private record Validated(ErpDocument document, String json) {
    }
}

package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.ErpXmlDocuments.Format;
import io.werkbridge.messaging.FeedsFlows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * SAP IDoc XML, UBL 2.1 invoices and credit notes, CII invoices and ZUGFeRD/Factur-X PDFs from the ERP over HTTP (role ERP). 202 with the message ids once every canonical
 * message of the document is on the broker; 400 problem+json naming what is wrong (not XML, a DTD, wrong type,
 * missing mandatory segment); 413 above the API's body limit. Nothing is queued for a refused document.
 */
@RestController
public final class ErpDocumentController {

    private final ErpXmlDocuments documents;

    public ErpDocumentController(ErpXmlDocuments documents) {
        this.documents = documents;
    }

    @FeedsFlows(value = {ErpDocument.CUSTOMER_MASTER, ErpDocument.INVOICES}, from = "ERP")
    @PostMapping(path = "/api/v1/erp/idoc", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    public ResponseEntity<Map<String, Object>> idoc(@RequestBody(required = false) byte[] body) throws IOException {
        return accept(body, Set.of(Format.IDOC));
    }

    @FeedsFlows(value = ErpDocument.INVOICES, from = "ERP")
    @PostMapping(path = "/api/v1/erp/ubl", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    public ResponseEntity<Map<String, Object>> ubl(@RequestBody(required = false) byte[] body) throws IOException {
        return accept(body, Set.of(Format.UBL));
    }

    @FeedsFlows(value = ErpDocument.INVOICES, from = "ERP")
    @PostMapping(path = "/api/v1/erp/cii", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    public ResponseEntity<Map<String, Object>> cii(@RequestBody(required = false) byte[] body) throws IOException {
        return accept(body, Set.of(Format.CII));
    }

    @FeedsFlows(value = ErpDocument.INVOICES, from = "ERP")
    @PostMapping(path = "/api/v1/erp/zugferd", consumes = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<Map<String, Object>> zugferd(@RequestBody(required = false) byte[] body) throws IOException {
        return accept(body, Set.of(Format.ZUGFERD));
    }

    private ResponseEntity<Map<String, Object>> accept(byte[] body, Set<Format> accepted) throws IOException {
        if (body == null || body.length == 0) {
            throw new InvalidErpDocumentException("empty body: send one IDoc, UBL or CII document as XML, or a ZUGFeRD/Factur-X PDF");
        }
        List<String> ids = documents.receive(new ByteArrayInputStream(body), accepted);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", ids.get(0));
        answer.put("messageIds", ids);
        answer.put("status", "accepted");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }
}

package io.werkbridge.demo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: stands in for the ERP's web service (connectors/erp/erp-services.wsdl) at {@code /simulator/erp/services}.
 * Creates a document per idempotency key (a repeated key gets the same number back, status duplicate), answers every
 * lookup with a synthetic customer and every anonymisation with "anonymized", and logs which elements arrived (names,
 * never values). Reads the request with patterns only; it never parses XML.
 */
@RestController
@Profile("demo")
public class ErpServicesSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(ErpServicesSimulator.class);
    private static final Pattern OPERATION = Pattern.compile(
            "<(?:\\w+:)?(createSalesOrder|createServiceTicket|lookupCustomer|anonymizeBusinessPartner)[\\s>/]");
    private static final Pattern KEY = Pattern.compile("<(?:\\w+:)?idempotencyKey>([0-9A-Za-z\\-]{1,64})</");
    private static final Pattern CUSTOMER = Pattern.compile("<(?:\\w+:)?customerNumber>([0-9A-Z\\-]{1,20})</");
    private static final Pattern LEAF = Pattern.compile("<(?:\\w+:)?(\\w+)>[^<]");
    private static final int MAX_DOCUMENTS = 10_000;
    private static final String NS = "urn:werkbridge:erp:services:1";

    /** Document numbers by idempotency key; bounded, the least used keys are forgotten first. */
    private final Cache<String, String> documents = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).executor(Runnable::run).build();
    private final AtomicLong next = new AtomicLong(1);

    @PostMapping(path = "/simulator/erp/services", produces = "text/xml")
    public ResponseEntity<String> call(@RequestBody String envelope) {
        Matcher operation = OPERATION.matcher(envelope);
        Matcher key = KEY.matcher(envelope);
        if (!operation.find() || !key.find()) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(soap("<soap:Fault><faultcode>soap:Client</faultcode>"
                    + "<faultstring>not a request of erp-services.wsdl</faultstring></soap:Fault>"));
        }
        LOG.info("[erp simulator] {} received elements {}", operation.group(1),
                LEAF.matcher(envelope).results().map(m -> m.group(1)).distinct().toList());
        return ResponseEntity.ok(soap(switch (operation.group(1)) {
            case "createSalesOrder" -> acknowledge(key.group(1), "SO-");
            case "createServiceTicket" -> acknowledge(key.group(1), "ST-");
            case "lookupCustomer" -> lookup(envelope);
            default -> "<e:anonymizeBusinessPartnerResponse><e:result>anonymized</e:result></e:anonymizeBusinessPartnerResponse>";
        }));
    }

    private String acknowledge(String key, String prefix) {
        boolean seen = documents.getIfPresent(key) != null;
        String number = documents.get(key, k -> prefix + next.getAndIncrement());
        return "<e:documentAck><e:idempotencyKey>" + key + "</e:idempotencyKey><e:documentNumber>" + number
                + "</e:documentNumber><e:status>" + (seen ? "duplicate" : "created") + "</e:status></e:documentAck>";
    }

    private static String lookup(String envelope) {
        Matcher customer = CUSTOMER.matcher(envelope);
        if (!customer.find()) {
            return "<e:lookupCustomerResponse/>";
        }
        return "<e:lookupCustomerResponse><e:customer><e:customerNumber>" + customer.group(1) + "</e:customerNumber>"
                + "<e:company><e:name>Demo Maschinenbau GmbH</e:name><e:address><e:street>Werkstrasse 1</e:street>"
                + "<e:postalCode>33602</e:postalCode><e:city>Bielefeld</e:city><e:country>DE</e:country></e:address></e:company>"
                + "<e:contact><e:id>K-1</e:id><e:firstName>Erika</e:firstName><e:lastName>Demo</e:lastName>"
                + "<e:email>erika.demo@example.com</e:email><e:phone>+49 521 5550 1234</e:phone></e:contact>"
                + "<e:paymentTerms>30 days net</e:paymentTerms></e:customer></e:lookupCustomerResponse>";
    }

    private static String soap(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:e=\"" + NS + "\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }
}

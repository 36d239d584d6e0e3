package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WireMock playing the ERP's own web service (connectors/erp/erp-services.wsdl) at {@code /erp/services}. */
final class ErpServiceStubs {

    static final String PATH = "/erp/services";
    private static final Pattern KEY = Pattern.compile("<(?:\\w+:)?idempotencyKey>([^<]+)</");

    /** The one customer the default stub knows; synthetic data. */
    static final String CUSTOMER_NUMBER = "100234";
    static final String CUSTOMER = "<e:customer><e:customerNumber>" + CUSTOMER_NUMBER + "</e:customerNumber>"
            + "<e:company><e:name>Beispiel GmbH</e:name><e:vatId>DE123456789</e:vatId><e:address><e:street>Weg 1</e:street>"
            + "<e:postalCode>33602</e:postalCode><e:city>Bielefeld</e:city><e:country>DE</e:country></e:address></e:company>"
            + "<e:contact><e:id>K-1</e:id><e:title>Dr.</e:title><e:firstName>Erika</e:firstName><e:lastName>Beispiel</e:lastName>"
            + "<e:email>erika@example.com</e:email><e:phone>+49 521 5550 1234</e:phone><e:function>Einkauf</e:function></e:contact>"
            + "<e:contact><e:id>K-2</e:id><e:firstName>Max</e:firstName><e:lastName>Muster</e:lastName>"
            + "<e:email>max@example.com</e:email></e:contact>"
            + "<e:bankAccount><e:iban>DE02120300000000202051</e:iban><e:bic>BYLADEM1001</e:bic></e:bankAccount>"
            + "<e:paymentTerms>30 days net</e:paymentTerms><e:remarks>calls Erika on Mondays</e:remarks></e:customer>";

    private ErpServiceStubs() {
    }

    /**
     * Default answers (low priority, so a test's own stub at priority 1 wins): orders and tickets created (the key
     * echoed), lookups find {@link #CUSTOMER_NUMBER} only, anonymisation done.
     */
    static void defaults(WireMockServer erp) {
        erp.stubFor(call("createSalesOrder").atPriority(9).willReturn(acknowledge("SO-4711")));
        erp.stubFor(call("createServiceTicket").atPriority(9).willReturn(acknowledge("ST-0815")));
        erp.stubFor(call("lookupCustomer").atPriority(9).willReturn(soap("<e:lookupCustomerResponse/>")));
        erp.stubFor(call("lookupCustomer").withRequestBody(containing(">" + CUSTOMER_NUMBER + "<")).atPriority(8)
                .willReturn(soap("<e:lookupCustomerResponse>" + CUSTOMER + "</e:lookupCustomerResponse>")));
        erp.stubFor(call("anonymizeBusinessPartner").atPriority(9).willReturn(
                soap("<e:anonymizeBusinessPartnerResponse><e:result>anonymized</e:result></e:anonymizeBusinessPartnerResponse>")));
    }

    /** A request for one operation (by its SOAPAction). */
    static MappingBuilder call(String operation) {
        return post(urlPathEqualTo(PATH)).withHeader("SOAPAction", containing(operation));
    }

    /** documentAck with the request's idempotency key echoed (WireMock response templating). */
    static ResponseDefinitionBuilder acknowledge(String documentNumber) {
        return soap("<e:documentAck><e:idempotencyKey>{{xPath request.body '//*[local-name()=\"idempotencyKey\"]/text()'}}"
                + "</e:idempotencyKey><e:documentNumber>" + documentNumber + "</e:documentNumber><e:status>created</e:status></e:documentAck>")
                .withTransformers("response-template");
    }

    static ResponseDefinitionBuilder soap(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:e=\"urn:werkbridge:erp:services:1\">"
                        + "<soap:Body>" + body + "</soap:Body></soap:Envelope>");
    }

    static ResponseDefinitionBuilder fault(String text) {
        return fault("Server", text);
    }

    /** A SOAP 1.1 fault (always HTTP 500) with fault code {@code soap:<code>}: Server (the ERP failed) or Client. */
    static ResponseDefinitionBuilder fault(String code, String text) {
        return aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                        + "<faultcode>soap:" + code + "</faultcode><faultstring>" + text + "</faultstring></soap:Fault></soap:Body></soap:Envelope>");
    }

    /** The requests for one operation that reached the stub, oldest first. */
    static List<LoggedRequest> requests(WireMockServer erp, String operation) {
        return erp.findAll(postRequestedFor(urlPathEqualTo(PATH)).withHeader("SOAPAction", containing(operation)));
    }

    /** The requests of one operation whose body contains {@code text} (e.g. an order number). */
    static List<LoggedRequest> requests(WireMockServer erp, String operation, String text) {
        return requests(erp, operation).stream().filter(r -> r.getBodyAsString().contains(text)).toList();
    }

    /** The request body with namespace prefixes removed from element names, for readable assertions. */
    static String xml(LoggedRequest request) {
        return request.getBodyAsString().replaceAll("<(/?)\\w+:", "<$1");
    }

    static String idempotencyKey(LoggedRequest request) {
        Matcher m = KEY.matcher(request.getBodyAsString());
        return m.find() ? m.group(1) : null;
    }
}

package io.werkbridge.security;

import io.werkbridge.flow.SoapRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** HTTP calls to the running hub with headers of the test's choosing (an attacker's), as a client or as nobody. */
final class EdgeCalls {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    private final int port;

    EdgeCalls(int port) {
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A SOAP 1.1 call to a service path with extra HTTP headers. */
    HttpResponse<String> soap(String path, String xml, String user, String password, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HTTP.send(basic(request, user, password).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String user, String password,
                              Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(basic(request, user, password).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    static String customerEnvelope(String body) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:werkbridge:erp:customer:1">
                  <soapenv:Body>%s</soapenv:Body>
                </soapenv:Envelope>""".formatted(body);
    }

    static String publishCustomer(String customerNumber) {
        return SoapRequests.publishCustomer(customerNumber, "2026-11-20T10:15:00Z", "erika.musterfrau@example.com", "x");
    }

    static String password() {
        return SoapRequests.ERP_PASSWORD;
    }
}

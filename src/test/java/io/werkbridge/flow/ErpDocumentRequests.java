package io.werkbridge.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.werkbridge.model.CanonicalJson;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** ERP documents for the flow tests: SOAP invoices and service reports, IDoc/UBL over HTTP, what reached a stub. Synthetic data. */
final class ErpDocumentRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);
    /** A 50 MB IDoc, generated once into target/ (never committed). */
    private static final Path HUGE = Path.of("target", "erp-documents", "invoic02-50mb.xml").toAbsolutePath();

    private ErpDocumentRequests() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A fresh all-digit number, for IDoc fields SAP keeps numeric (KUNNR, BELNR). */
    static String digits() {
        return Long.toString(NUMBERS.incrementAndGet());
    }

    static String resource(String name) {
        try (InputStream in = ErpDocumentRequests.class.getResourceAsStream("/erp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String soap(String body) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:d="urn:werkbridge:erp:documents:1">
                  <soapenv:Body>%s</soapenv:Body>
                </soapenv:Envelope>""".formatted(body);
    }

    static String publishInvoice(String invoiceNumber, String customerNumber, String email) {
        return soap("""
                <d:publishInvoice>
                  <d:invoiceNumber>%s</d:invoiceNumber>
                  <d:customerNumber>%s</d:customerNumber>
                  <d:changedAt>2026-11-21T08:30:00Z</d:changedAt>
                  <d:issueDate>2026-11-21</d:issueDate>
                  <d:dueDate>2026-12-21</d:dueDate>
                  <d:currency>EUR</d:currency>
                  <d:billTo>
                    <d:company>Beispiel Maschinenbau GmbH</d:company>
                    <d:contactName>Erika Musterfrau</d:contactName>
                    <d:email>%s</d:email>
                    <d:address><d:street>Industriestr. 5</d:street><d:postalCode>33602</d:postalCode><d:city>Bielefeld</d:city><d:country>DE</d:country></d:address>
                  </d:billTo>
                  <d:line><d:position>1</d:position><d:partNumber>SP-4711</d:partNumber><d:description>Spindellager</d:description><d:quantity>2</d:quantity><d:unitPrice>120.50</d:unitPrice><d:net>241.00</d:net></d:line>
                  <d:line><d:position>2</d:position><d:partNumber>SVC-HOUR</d:partNumber><d:description>Servicestunde</d:description><d:quantity>1</d:quantity><d:unitPrice>59.00</d:unitPrice><d:net>59.00</d:net></d:line>
                  <d:totals><d:net>300.00</d:net><d:tax>57.00</d:tax><d:gross>357.00</d:gross></d:totals>
                  <d:payment><d:iban>DE02120300000000202051</d:iban><d:bic>BYLADEM1001</d:bic><d:terms>30 Tage netto</d:terms></d:payment>
                </d:publishInvoice>""".formatted(invoiceNumber, customerNumber, email));
    }

    static String publishServiceReport(String reportNumber, String customerNumber) {
        return soap("""
                <d:publishServiceReport>
                  <d:reportNumber>%s</d:reportNumber>
                  <d:customerNumber>%s</d:customerNumber>
                  <d:machine><d:serialNumber>M-4711</d:serialNumber><d:type>DMU 50</d:type></d:machine>
                  <d:technician><d:id>T-042</d:id><d:firstName>Jan</d:firstName><d:lastName>Schrauber</d:lastName></d:technician>
                  <d:visit><d:start>2026-11-19T08:00:00Z</d:start><d:end>2026-11-19T12:30:00Z</d:end></d:visit>
                  <d:work>Spindellager getauscht. Jan Schrauber hat Erika Musterfrau unter +49 521 5550 1234 informiert.</d:work>
                  <d:part><d:partNumber>SP-4711</d:partNumber><d:description>Spindellager</d:description><d:quantity>2</d:quantity></d:part>
                  <d:part><d:partNumber>SR-100</d:partNumber><d:quantity>4</d:quantity></d:part>
                  <d:customerContact><d:name>Erika Musterfrau</d:name><d:email>erika.musterfrau@example.com</d:email><d:phone>+49 521 5550 1234</d:phone></d:customerContact>
                  <d:signature><d:name>Erika Musterfrau</d:name><d:signedAt>2026-11-19T12:35:00Z</d:signedAt></d:signature>
                </d:publishServiceReport>""".formatted(reportNumber, customerNumber));
    }

    /** POST of an XML body to the hub as the erp client (password "test-secret"). */
    static HttpResponse<String> postXml(int port, String path, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return post(port, path, "application/xml", body);
    }

    /** POST of a body of the given type to the hub as the erp client. */
    static HttpResponse<String> post(int port, String path, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("erp:" + SoapRequests.ERP_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(body)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Starts a POST of a whole file as the erp client over a plain socket: the request head declares the file's
     * length and the hub's answer is read before any of the body is sent (a hub that answers by the declared length
     * needs no body; a client streaming 50 MB into a closed connection would only see a reset).
     * @return the status line, headers and as much of the answer as came within a few seconds
     */
    static String postDeclaringLength(int port, String path, Path file) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/xml\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString(("erp:" + SoapRequests.ERP_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)) + "\r\nContent-Length: " + Files.size(file) + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            InputStream in = socket.getInputStream();
            while (!answer.toString(StandardCharsets.UTF_8).endsWith("}")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static HttpResponse<String> postXml(int port, String path, String xml) throws IOException, InterruptedException {
        return postXml(port, path, HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8));
    }

    /** Bodies POSTed to a stub path, in arrival order, whose body field {@code field} equals {@code value}. */
    static List<JsonNode> deliveredTo(WireMockServer server, String path, String field, String value) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream()
                .filter(e -> e.getRequest().getUrl().equals(path))
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()))
                .filter(m -> value.equals(m.path("body").path(field).asText()))
                .toList();
    }

    /** The Idempotency-Key header of the first delivery to a stub path. */
    static String idempotencyKey(WireMockServer server, String path, String messageId) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path))
                .filter(e -> e.getRequest().getBodyAsString().contains(messageId))
                .map(e -> e.getRequest().getHeader("Idempotency-Key"))
                .findFirst().orElse(null);
    }

    /** An INVOIC02 of about 50 MB (many items), written once into target/. */
    static synchronized Path hugeDocument() throws IOException {
        if (Files.exists(HUGE) && Files.size(HUGE) > 50_000_000L) {
            return HUGE;
        }
        Files.createDirectories(HUGE.getParent());
        String item = "<E1EDP01 SEGMENT=\"1\"><POSEX>000010</POSEX><MENGE>1.000</MENGE><VPREI>1.00</VPREI><NETWR>1.00</NETWR></E1EDP01>\n";
        try (BufferedWriter out = Files.newBufferedWriter(HUGE, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<INVOIC02><IDOC BEGIN=\"1\">\n");
            for (long written = 0; written < 50L * 1024 * 1024; written += item.length()) {
                out.write(item);
            }
            out.write("</IDOC></INVOIC02>\n");
        }
        return HUGE;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

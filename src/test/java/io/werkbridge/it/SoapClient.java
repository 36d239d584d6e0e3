package io.werkbridge.it;

import io.werkbridge.flow.SoapRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Publishes synthetic customer updates to a hub's SOAP edge, as the ERP does, and reads the acknowledged message id. */
final class SoapClient {

    static final Instant BASE_TIME = Instant.parse("2026-11-20T08:00:00Z");
    private static final Pattern ACK = Pattern.compile("<messageId>([0-9a-f-]{36})</messageId>");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SoapClient() {
    }

    /** The update {@code sequence} of a customer: its changedAt is BASE_TIME + sequence seconds. */
    static String update(String customer, int sequence) {
        return SoapRequests.publishCustomer(customer, BASE_TIME.plusSeconds(sequence).toString(),
                "it." + customer.toLowerCase(java.util.Locale.ROOT) + "@example.com", "update " + sequence);
    }

    /** The acknowledged message id, or empty when the hub did not answer with an acknowledgement (down, stopping). */
    static Optional<String> publish(int port, String xml) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/erp"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("erp:" + HubProcess.CLIENT_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher ack = ACK.matcher(response.body());
            return response.statusCode() == 200 && ack.find() ? Optional.of(ack.group(1)) : Optional.empty();
        } catch (IOException unreachable) { // refused, reset or timed out: not acknowledged, the caller retries
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

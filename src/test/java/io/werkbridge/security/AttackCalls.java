package io.werkbridge.security;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** Raw HTTP calls to the running hub as a test client (password "test-secret"), and checks that nothing went out. */
final class AttackCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AttackCalls() {
    }

    static HttpResponse<String> post(int port, String path, String contentType, byte[] body, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (path.startsWith("/services/")) {
            request.header("SOAPAction", "\"\"");
        }
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":test-secret").getBytes(StandardCharsets.UTF_8)));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(int port, String path, String contentType, String body, String user) {
        return post(port, path, contentType, body.getBytes(StandardCharsets.UTF_8), user);
    }

    static String resource(String name) {
        try (InputStream in = AttackCalls.class.getResourceAsStream("/erp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For three seconds, no request reached any of the stub destinations with {@code marker} in its body. */
    static void nothingForwarded(List<WireMockServer> destinations, String marker) {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> destinations.stream()
                .flatMap(server -> server.getAllServeEvents().stream())
                .noneMatch(event -> event.getRequest().getBodyAsString().contains(marker)));
    }

    /** {@code <Z>} nested {@code depth} deep around {@code inner}. */
    static String nested(int depth, String inner) {
        return "<Z>".repeat(depth) + inner + "</Z>".repeat(depth);
    }
}

package io.werkbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.flow.HubTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 19, attack 2: an anonymous GET on a service path (without ?wsdl) ran the SOAP route and held an intake slot
 * for 30 s; sixteen of them made a real publish fail with 503. Now such requests are answered at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class SoapNonCallTest extends HubTestSupport {

    @Test
    void aGetWithoutWsdlIsAnsweredAtOnceWithoutARoute(CapturedOutput log) throws Exception {
        EdgeCalls calls = new EdgeCalls(port);
        long start = System.nanoTime();
        HttpResponse<String> get = calls.send("GET", "/services/erp?attack-query-41", null, null, null, Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.body()).contains("soap-get").doesNotContain("attack-query-41");

        HttpResponse<String> delete = calls.send("DELETE", "/services/erp", null, null, null, Map.of());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("POST, GET");

        HttpResponse<String> wsdl = calls.send("GET", "/services/erp?wsdl", null, null, null, Map.of());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("ErpCustomerService");
        assertThat(log.getAll()).doesNotContain("attack-query-41").doesNotContain("No binding operation info");
    }

    @Test
    void sixteenAnonymousGetsDoNotDelayAConcurrentPublish() throws Exception {
        EdgeCalls calls = new EdgeCalls(port);
        List<CompletableFuture<HttpResponse<String>>> gets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            gets.add(EdgeCalls.HTTP.sendAsync(HttpRequest.newBuilder(calls.uri("/services/erp")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long start = System.nanoTime();
        HttpResponse<String> publish = calls.soap("/services/erp",
                EdgeCalls.publishCustomer("N" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()), "erp", EdgeCalls.password(), Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(publish.statusCode()).isEqualTo(200);
        assertThat(publish.body()).contains("<status>accepted</status>");
        // before, eight GETs delayed it to 28.7 s; a publish takes well under a second here
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        for (CompletableFuture<HttpResponse<String>> get : gets) {
            assertThat(get.get().statusCode()).isEqualTo(400);
        }
    }
}

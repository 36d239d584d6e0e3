package io.werkbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.werkbridge.flow.HubTestSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 19, attack 5: 150 wrong HTTP Basic passwords got 150 x 401 and cost ~110 ms of bcrypt each. Now a client name
 * gets 429 with Retry-After after {@code werkbridge.security.logins.max-failures} (10) failures, before any password
 * is checked, so not even the right one gets in. Signs in as {@code lockout-basic}, which only this test uses.
 */
@ExtendWith(OutputCaptureExtension.class)
class BasicLoginThrottlingTest extends HubTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void fortyWrongPasswordsBring429BeforeTheFortieth(CapturedOutput log) throws Exception {
        EdgeCalls calls = new EdgeCalls(port);
        double failedBefore = meters.counter("werkbridge.security.logins.failed").count();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            statuses.add(calls.send("GET", "/api/v1/machines", null, "lockout-basic", "wrong-basic-attack-" + i, Map.of())
                    .statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 40)).containsOnly(429);
        assertThat(meters.counter("werkbridge.security.logins.failed").count() - failedBefore).isEqualTo(10);

        HttpResponse<String> right = calls.send("GET", "/api/v1/machines", null, "lockout-basic", EdgeCalls.password(), Map.of());
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("login-throttled");
        assertThat(right.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L, 300L);

        // another client from the same address is not locked out (10 failures are below the address's limit)
        assertThat(calls.send("GET", "/api/v1/machines", null, "operator", EdgeCalls.password(), Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(log.getAll()).doesNotContain("wrong-basic-attack");
        assertThat(meters.find("werkbridge.security.logins.failed").counter().getId().getTags()).isEmpty();
    }
}

package io.werkbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.flow.HubTestSupport;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 19, attack 5: 30 wrong form logins followed by the right one signed in. Now the console's form login is
 * throttled like HTTP Basic: after 10 failures of a name, 429 before the password is checked. Signs in as
 * {@code lockout-form}, which only this test uses.
 */
@ExtendWith(OutputCaptureExtension.class)
class FormLoginThrottlingTest extends HubTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void thirtyWrongFormLoginsThenTheRightOneDoNotSignIn(CapturedOutput log) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        EdgeCalls calls = new EdgeCalls(port);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(calls.uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String token = csrf.group(1);

        List<String> outcomes = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            HttpResponse<String> login = login(browser, calls, token, "wrong-form-attack-" + i);
            outcomes.add(login.statusCode() + " " + login.headers().firstValue("Location").orElse(""));
        }
        assertThat(outcomes.subList(0, 10)).allMatch(o -> o.startsWith("302 ") && o.endsWith("/login?error"));
        assertThat(outcomes.subList(10, 30)).containsOnly("429 ");

        HttpResponse<String> right = login(browser, calls, token, EdgeCalls.password());
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> console = browser.send(HttpRequest.newBuilder(calls.uri("/console/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // not signed in: the console sends the browser to sign in (401 without a page to go back to), never serves it
        assertThat(console.statusCode()).isIn(302, 401);
        assertThat(log.getAll()).doesNotContain("wrong-form-attack");
    }

    private static HttpResponse<String> login(HttpClient browser, EdgeCalls calls, String token, String password)
            throws Exception {
        String form = "username=lockout-form&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(calls.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

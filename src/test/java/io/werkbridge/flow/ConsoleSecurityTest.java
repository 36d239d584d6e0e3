package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's session chain and the stateless API chain side by side: a form sign-in gives a session that the
 * console's calls to /api/** use under the same role rules, POSTs need the CSRF token, and API clients with HTTP
 * Basic still get no session.
 */
class ConsoleSecurityTest extends HubTestSupport {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void operatorSessionReadsWhatTheRoleMayAndPostsOnlyWithTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> signedIn = signIn(browser, "operator");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));

        JsonNode session = json.readTree(get(browser, "/console/session").body());
        assertThat(session.get("user").asText()).isEqualTo("operator");
        assertThat(session.get("roles").toString()).isEqualTo("[\"OPERATOR\"]");

        assertThat(get(browser, "/api/v1/privacy/policy").statusCode()).isEqualTo(200);
        assertThat(get(browser, "/console/flows").body()).contains("\"customer-master\"").contains("\"pending\"");
        assertThat(get(browser, "/api/v1/audit/disclosures").statusCode()).isEqualTo(403);
        assertThat(get(browser, "/api/v1/rights/requests").statusCode()).isEqualTo(403);

        String release = "/api/v1/holds/customer-master/shop/release";
        assertThat(browser.send(request(release).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpResponse<String> released = browser.send(request(release)
                .header(session.get("csrfHeader").asText(), session.get("csrfToken").asText())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.body()).isEqualTo("{\"released\":0}");
    }

    @Test
    void dpoSessionReadsRightsRequests() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(browser, "dpo");
        assertThat(get(browser, "/api/v1/rights/requests").statusCode()).isEqualTo(200);
        assertThat(get(browser, "/api/v1/audit/disclosures").statusCode()).isEqualTo(200);
    }

    @Test
    void apiClientsStayStatelessAndStrangersAreSentToSignIn() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> basic = client.send(request("/api/v1/privacy/policy")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:test-secret".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> staleSession = client.send(request("/api/v1/privacy/policy").header("Cookie", "JSESSIONID=stale").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(staleSession.statusCode()).isEqualTo(401);
        assertThat(staleSession.headers().firstValue("WWW-Authenticate")).isEmpty();

        HttpResponse<String> page = client.send(request("/console/index.html").header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(client.send(request("/default-ui.css").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> signIn(HttpClient browser, String user) throws Exception {
        Matcher token = CSRF_FIELD.matcher(get(browser, "/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + user + "&password=test-secret&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(request(path).header("Accept", "application/json, text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}

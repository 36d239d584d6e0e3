package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.werkbridge.WerkbridgeApplication;
import io.werkbridge.console.ConsoleSeries;
import io.werkbridge.it.RequiredTool;
import io.werkbridge.messaging.FlowProperties;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions.Kind;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.rights.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console in a real browser (Debian's headless Chromium) against a running hub: an operator signs in, sees a
 * customer message held for the shop appear without reloading, releases it once the restriction is lifted and sees
 * it delivered, opens the register, and never gets a personal value on screen; the data protection officer sees the
 * data-subject requests. Screenshots go to {@code target/console-screenshots}, or to the directory named by the
 * system property {@code console.screenshots} (the README's ones: {@code -Dconsole.screenshots=docs/console}).
 */
class ConsoleBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(20);

    // synthetic personal values this test sends; none of them may reach the operator's screen
    private static final String EMAIL = "erika.console@example.com";
    private static final String REMARKS = "Rueckruf bitte nur vormittags";
    private static final List<String> PERSONAL_VALUES = List.of(EMAIL, "Erika", "Musterfrau", "+49 521 5550 1234",
            "DE89370400440532013000", REMARKS);

    /** On a fixed port, so that the destinations can be stopped and started again at the address the hub knows. */
    private static final WireMockServer DESTINATIONS = new WireMockServer(wireMockConfig().port(freePort()));
    /** The hub's rights clock: moved past a request's due date to see it overdue. */
    private static final MutableClock RIGHTS_CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static ConfigurableApplicationContext hub;
    private static String base;

    @TempDir
    static Path data;
    @TempDir
    Path profile;

    private WebDriver browser;
    private final List<String> pages = new ArrayList<>();
    private String overdueId;

    @BeforeAll
    static void startHub() {
        RequiredTool.assumeOrFail(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                CHROMEDRIVER + " and " + CHROMIUM + " (apt-get install chromium chromium-driver)");
        DESTINATIONS.start();
        DESTINATIONS.stubFor(post(urlPathMatching("/(shop|portal)/customers")).willReturn(aResponse().withStatus(202)));
        // the portal's privacy endpoint is down: an access request stays open and becomes overdue
        DESTINATIONS.stubFor(post(urlPathMatching("/rights/portal")).willReturn(aResponse().withStatus(503)));
        hub = new SpringApplicationBuilder(WerkbridgeApplication.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("rightsTestClock", RIGHTS_CLOCK))
                .run("--server.port=0",
                        "--werkbridge.rights.systems.portal.url=" + DESTINATIONS.baseUrl() + "/rights/portal",
                        "--spring.artemis.embedded.server-id=9",
                        "--werkbridge.data-dir=" + data.toAbsolutePath(),
                        "--werkbridge.destinations.shop.url=" + DESTINATIONS.baseUrl() + "/shop/customers",
                        "--werkbridge.destinations.portal.url=" + DESTINATIONS.baseUrl() + "/portal/customers");
        base = "http://localhost:" + ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
        if (DESTINATIONS.isRunning()) {
            DESTINATIONS.stop();
        }
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1600", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operatorSeesAMessageHeldReleasesItAndNeverSeesPersonalValues() throws Exception {
        JdbcSubjectRestrictions restrictions = hub.getBean(JdbcSubjectRestrictions.class);
        String number = "C-9101";
        restrictions.add(number, "online-shop", Kind.RESTRICTION);

        signIn("operator");
        WebElement flows = browser.findElement(By.cssSelector("[data-panel=flows]"));
        assertThat(flows.getText()).contains("customer-master").contains("shop").contains("portal");
        // the map: every configured flow's destinations, named with the processor and country the running policy gives
        PolicyStore policies = hub.getBean(PolicyStore.class);
        FlowProperties configured = hub.getBean(FlowProperties.class);
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("[data-panel=map] g.dest")).isEmpty());
        configured.flows().forEach((flow, definition) -> definition.destinationNames().forEach(destination -> {
            WebElement node = browser.findElement(By.id("map-" + flow + "-" + destination));
            var processor = policies.policy().destination(destination).flatMap(r -> policies.policy().processor(r.processor()));
            processor.ifPresent(p -> assertThat(node.getDomAttribute("aria-label")).contains(p.name() + " (" + p.country() + ")"));
        }));
        assertThat(browser.findElement(By.cssSelector("[data-panel=map]")).getText()).contains("Privacy gate")
                .contains("policy " + policies.policy().version().substring(0, 9));
        // each flow's sources, found in the running routes and HTTP endpoints: the ERP's SOAP services and inbox, the
        // S/4 connector, the shop, the portal, the operator's diagnostics; this hub runs no machine, so machine data
        // says that no source is wired; and the DPO's requests with the systems they go to
        assertThat(sourcesOf("customer-master")).contains("customer-master", "erp-inbox", "s4-business-partners", "ERP");
        assertThat(sourcesOf("invoices")).contains("erp-documents", "erp-inbox", "ERP");
        assertThat(sourcesOf("service-reports")).containsExactly("erp-documents");
        assertThat(sourcesOf("orders")).containsExactly("shop");
        assertThat(sourcesOf("service-tickets")).containsExactly("portal");
        assertThat(sourcesOf("serial-diagnostics")).containsExactly("operator");
        assertThat(sourcesOf("machine-data")).isEmpty();
        String mapText = browser.findElement(By.cssSelector("[data-panel=map]")).getText();
        assertThat(mapText).contains("SOAP service · started", "file inbox · started", "polling · stopped", "HTTP API · listening",
                "no source wired", "rights requests", "werkbridge");
        assertThat(browser.findElements(By.cssSelector("[data-panel=map] [data-rights-system=portal]"))).hasSize(1);
        assertThat(browser.findElements(By.id("rights"))).allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
        record();

        assertThat(SoapRequests.post(port(), SoapRequests.publishCustomer(number, "2026-11-26T09:00:00Z", EMAIL, REMARKS))
                .statusCode()).isEqualTo(200);

        // the portal gets it, the shop's copy is held: the console shows it without a reload
        await().atMost(WAIT).until(() -> delivered("/portal/customers", number));
        By release = By.cssSelector("button[aria-label^='Release message'][aria-label$='to shop']");
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> !d.findElements(release).isEmpty());
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> heldCount("shop").equals("1"));
        assertThat(browser.findElement(By.cssSelector("[data-panel=holds]")).getText())
                .contains("a data subject of this message has an active restriction for purpose 'online-shop'");
        // the map shows the shop held, in words next to its colour, and opens the held message by keyboard
        By shopNode = By.id("map-customer-master-shop");
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "held".equals(d.findElement(shopNode).getDomAttribute("data-state")));
        assertThat(browser.findElement(shopNode).getText()).contains("held: 1 held by the privacy gate");
        browser.findElement(shopNode).sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("map-detail")).getText().contains("customer-master → shop: 1 held"));
        assertThat(browser.findElement(By.id("map-detail")).getText())
                .contains("a data subject of this message has an active restriction for purpose 'online-shop'");
        record();
        screenshot("operator-held");
        screenshotOf("map", "console-map");
        assertThat(delivered("/shop/customers", number)).isFalse();

        restrictions.lift(number, "online-shop", Kind.RESTRICTION);
        WebElement button = browser.findElement(release);
        assertThat(button.getAccessibleName()).startsWith("Release message");
        button.click();
        await().atMost(WAIT).until(() -> delivered("/shop/customers", number));
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(release).isEmpty() && heldCount("shop").equals("0"));
        assertThat(browser.findElement(By.id("status")).getText()).contains("\"released\":1");
        record();

        browser.findElement(By.linkText("Register")).click();
        WebElement register = browser.findElement(By.cssSelector("[data-panel=register]"));
        assertThat(register.getText()).contains("shop").contains("portal").contains("Legal basis");
        WebElement decisions = browser.findElement(By.cssSelector("[data-panel=decisions]"));
        assertThat(decisions.getText()).contains("shop").doesNotContain("Recent disclosures");
        assertThat(browser.findElement(By.cssSelector("[data-panel=policy]")).getText()).contains("Valid");
        record();
        screenshot("operator");

        // the charts: the portal's delivery is counted in the table view of the flow rate chart once sampled
        hub.getBean(ConsoleSeries.class).sample();
        browser.navigate().refresh();
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        WebElement rateChart = browser.findElement(By.id("chart-rate"));
        rateChart.findElement(By.tagName("summary")).click();
        String rateTable = rateChart.findElement(By.cssSelector("details.table-view table")).getText();
        assertThat(rateTable).contains("customer-master").contains("Total in the window");
        List<WebElement> totals = rateChart.findElements(By.cssSelector("details.table-view tbody tr:last-child td.num"));
        List<String> headers = rateChart.findElements(By.cssSelector("details.table-view thead th")).stream().map(WebElement::getText).toList();
        int column = headers.indexOf("customer-master") - 1;
        assertThat(column).isGreaterThanOrEqualTo(0);
        assertThat(Integer.parseInt(totals.get(column).getText())).isGreaterThanOrEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("#chart-rate .uplot"))).isNotEmpty();
        record();
        screenshotOf("charts", "console-charts");

        // a hidden tab asks for nothing (three poll intervals without a request), a visible one starts again at once
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});"
                + "document.dispatchEvent(new Event('visibilitychange'));");
        new WebDriverWait(browser, WAIT).until(d -> "paused".equals(d.findElement(By.tagName("body")).getDomAttribute("data-polling")));
        js.executeScript("performance.clearResourceTimings()");
        Thread.sleep(6_000);
        assertThat(((Number) js.executeScript("return performance.getEntriesByType('resource').length")).intValue()).isZero();
        js.executeScript("delete document.hidden; document.dispatchEvent(new Event('visibilitychange'));");
        new WebDriverWait(browser, WAIT).until(d -> ((Number) js.executeScript(
                "return performance.getEntriesByType('resource').filter(r => r.name.endsWith('/console/map')).length")).intValue() > 0);

        assertThat(String.join("\n", pages)).doesNotContain(PERSONAL_VALUES).doesNotContain(number + "@");
        // the operator's session may not read the disclosure log or the rights requests either
        assertThat(fetchInPage("/api/v1/audit/disclosures")).isEqualTo(403);
        assertThat(fetchInPage("/api/v1/rights/requests")).isEqualTo(403);
    }

    @Test
    void operatorSeesAStoppedDestinationWaitingOnTheMapAndRecovering() throws Exception {
        String number = "C-9105";
        signIn("operator");
        By portalNode = By.id("map-customer-master-portal");
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(portalNode).isEmpty());
        DESTINATIONS.stop(); // shop and portal down: connections refused
        try {
            assertThat(SoapRequests.post(port(), SoapRequests.publishCustomer(number, "2026-11-26T12:00:00Z", EMAIL, REMARKS))
                    .statusCode()).isEqualTo(200);
            // the map says it in words next to the colour: waiting since when, why, what waits, the next probe
            new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> "waiting".equals(d.findElement(portalNode).getDomAttribute("data-state")));
            String words = browser.findElement(portalNode).getDomAttribute("aria-label");
            assertThat(words).contains("waiting, since ").contains("(connection refused)").contains("on the queue, next probe ");
            assertThat(browser.findElement(portalNode).getText()).contains("waiting: since ");
            record();
            screenshotOf("map", "console-map-waiting");
        } finally {
            DESTINATIONS.start();
            DESTINATIONS.stubFor(post(urlPathMatching("/(shop|portal)/customers")).willReturn(aResponse().withStatus(202)));
            DESTINATIONS.stubFor(post(urlPathMatching("/rights/portal")).willReturn(aResponse().withStatus(503)));
        }
        await().atMost(WAIT).until(() -> accepted("/portal/customers", number) && accepted("/shop/customers", number));
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "delivering".equals(d.findElement(portalNode).getDomAttribute("data-state")));
        assertThat(browser.findElement(portalNode).getText()).contains("delivering: ");
        record();
        assertThat(String.join("\n", pages)).doesNotContain(PERSONAL_VALUES).doesNotContain(number + "@");
    }

    @Test
    void operatorReplaysADeadLetteredMessageAndSeesItDelivered() throws Exception {
        String number = "C-9103";
        // the portal refuses this customer until it is "fixed": every redelivery fails, the message is dead-lettered
        StubMapping refusing = DESTINATIONS.stubFor(post(urlPathMatching("/portal/customers"))
                .withRequestBody(containing(number)).atPriority(1).willReturn(aResponse().withStatus(400)));
        signIn("operator");
        assertThat(SoapRequests.post(port(), SoapRequests.publishCustomer(number, "2026-11-26T10:00:00Z", EMAIL, REMARKS))
                .statusCode()).isEqualTo(200);

        By replay = By.cssSelector("button[aria-label^='Replay message'][aria-label$='of customer-master']");
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(replay).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[data-panel=dead-letters]")).getText()).contains("customer-master");
        // a click on the portal on the map opens its dead letter, with the reason and without a value
        By portalNode = By.id("map-customer-master-portal");
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "dead-letters".equals(d.findElement(portalNode).getDomAttribute("data-state")));
        browser.findElement(portalNode).click();
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("map-detail")).getText().contains("customer-master → portal: 0 held, 1 dead-lettered"));
        assertThat(browser.findElement(By.id("map-detail")).getText()).contains("Dead letters for portal").contains("400");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("map-detail-title");
        assertThat(accepted("/portal/customers", number)).isFalse();
        assertThat(accepted("/shop/customers", number)).isTrue();
        record();
        screenshot("operator-dead-letter");

        DESTINATIONS.removeStub(refusing);
        WebElement button = browser.findElement(replay);
        assertThat(button.getAccessibleName()).startsWith("Replay message");
        button.click();
        await().atMost(WAIT).until(() -> accepted("/portal/customers", number));
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(replay).isEmpty());
        assertThat(browser.findElement(By.id("status")).getText()).contains("\"replayed\":1");
        record();
        assertThat(String.join("\n", pages)).doesNotContain(PERSONAL_VALUES).doesNotContain(number + "@");
    }

    @Test
    void dpoSeesTheDataSubjectRequests() throws Exception {
        HttpResponse<String> submitted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/rights/requests"))
                .header("Authorization", basic("dpo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "restriction", "subject": {"customerNumber": "C-9102"}, "purpose": "online-shop"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(202);
        HttpResponse<String> access = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/rights/requests"))
                .header("Authorization", basic("dpo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "access", "subject": {"customerNumber": "C-9103"}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(access.statusCode()).isEqualTo(202);
        overdueId = io.werkbridge.model.CanonicalJson.read(access.body()).path("id").asText();
        await().atMost(WAIT).until(() -> !DESTINATIONS.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathMatching("/rights/portal"))).isEmpty());
        // a message held for the shop, past the retention age once the clock moved: it awaits an operator's decision
        JdbcSubjectRestrictions restrictions = hub.getBean(JdbcSubjectRestrictions.class);
        String heldNumber = "C-9105";
        restrictions.add(heldNumber, "online-shop", Kind.RESTRICTION);
        assertThat(SoapRequests.post(port(), SoapRequests.publishCustomer(heldNumber, "2026-11-26T10:30:00Z", EMAIL, REMARKS))
                .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> accepted("/portal/customers", heldNumber) && !heldIds().isEmpty());
        RIGHTS_CLOCK.advance(Duration.ofDays(32));
        try {
            dpoSeesDisclosuresRiseAndExpiredHolds(heldIds());
        } finally {
            RIGHTS_CLOCK.advance(Duration.ofDays(-32));
            restrictions.lift(heldNumber, "online-shop", Kind.RESTRICTION);
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/holds/customer-master/shop/release"))
                    .header("Authorization", basic("operator")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        await().atMost(WAIT).until(() -> accepted("/shop/customers", heldNumber));
    }

    private void dpoSeesDisclosuresRiseAndExpiredHolds(List<String> heldIds) throws Exception {
        String overdueId = this.overdueId;
        ConsoleSeries series = hub.getBean(ConsoleSeries.class);
        series.sample();
        signIn("dpo");
        // the disclosures chart before a delivery: whatever was delivered to the portal so far, in the table view
        double before = disclosuresTo("portal");
        String number = "C-9104";
        assertThat(SoapRequests.post(port(), SoapRequests.publishCustomer(number, "2026-11-26T11:00:00Z", EMAIL, REMARKS))
                .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> accepted("/portal/customers", number) && accepted("/shop/customers", number));
        series.sample();
        // the page asks for the series again on its own (every fifth poll) and shows the count risen, without a reload
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> disclosuresTo("portal") > before);
        WebElement disclosures = browser.findElement(By.id("chart-disclosures"));
        disclosures.findElement(By.tagName("summary")).click();
        assertThat(disclosures.findElement(By.cssSelector("details.table-view table")).getText()).contains("portal: ").contains("Total in the window");
        record();
        assertThat(browser.findElement(By.id("dpo")).getText()).doesNotContain(PERSONAL_VALUES);

        // expired holds: where, why and since when, counted; no message id and no value
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("dpo-expired")).getText().contains("active restriction for purpose 'online-shop'"));
        String expired = browser.findElement(By.id("dpo-expired")).getText();
        assertThat(expired).contains("Expired holds awaiting a decision").contains("customer-master shop held");
        assertThat(expired).doesNotContain(heldIds).doesNotContain(PERSONAL_VALUES);
        record();
        WebElement rights = browser.findElement(By.id("rights"));
        assertThat(rights.isDisplayed()).isTrue();
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("rights")).getText().contains("RESTRICTION"));
        assertThat(browser.findElement(By.id("rights")).getText()).contains("Due").contains("Overdue data-subject requests (1)")
                .contains("(overdue)");
        screenshot("dpo");
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("dpo")).getText().contains("Requests timeline"));
        screenshotOf("dpo", "console-dpo");

        // the DPO closes the overdue request with a reason: it leaves the overdue list, the reason shows
        browser.findElement(By.id("close-" + overdueId)).click();
        new WebDriverWait(browser, WAIT).until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().sendKeys("portal retired; operator confirmed deletion");
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("rights")).getText().contains("No request is overdue."));
        assertThat(browser.findElement(By.id("rights")).getText()).contains("CLOSED (closed by dpo: portal retired; operator confirmed deletion)");

        record();
        assertThat(String.join("\n", pages)).doesNotContain(PERSONAL_VALUES);

        browser.findElement(By.id("signout-button")).click();
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.getCurrentUrl().contains("/login"));
        browser.get(base + "/console/");
        assertThat(browser.getCurrentUrl()).contains("/login");
        screenshot("sign-in");
    }

    private void signIn(String user) {
        browser.get(base + "/console");
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("test-secret");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the sign-in page's body goes stale when the browser moves on to the console: looked up again until loaded
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "console did not load at " + browser.getCurrentUrl() + ": "
                        + browser.getPageSource().substring(0, Math.min(4000, browser.getPageSource().length())))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    /** The names of the sources the map draws for a flow. */
    private List<String> sourcesOf(String flow) {
        return browser.findElements(By.cssSelector("[data-panel=map] g.source[data-flow='" + flow + "']")).stream()
                .map(e -> e.getDomAttribute("data-source")).toList();
    }

    /** The disclosures chart's total for one destination, summed over its categories, as the table view has it. */
    private double disclosuresTo(String destination) {
        Object total = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const t = document.querySelector('#chart-disclosures details.table-view table');"
                        + "if (!t) return 0;"
                        + "const heads = [...t.querySelectorAll('thead th')].slice(1).map(th => th.textContent);"
                        + "const totals = [...t.querySelectorAll('tbody tr:last-child td.num')].map(td => Number(td.textContent));"
                        + "return heads.reduce((a, h, i) => h.startsWith(arguments[0] + ': ') ? a + totals[i] : a, 0);", destination);
        return ((Number) total).doubleValue();
    }

    /** The ids of the customer messages held for the shop, from the hold API. */
    private List<String> heldIds() throws IOException, InterruptedException {
        HttpResponse<String> held = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/holds/customer-master/shop"))
                .header("Authorization", basic("operator")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        io.werkbridge.model.CanonicalJson.read(held.body()).forEach(m -> ids.add(m.path("messageId").asText()));
        return ids;
    }

    private String heldCount(String destination) {
        List<WebElement> cells = browser.findElements(By.cssSelector(
                "tr[data-flow=customer-master][data-destination=" + destination + "] td.num"));
        return cells.size() < 2 ? "" : cells.get(1).getText();
    }

    private int fetchInPage(String path) {
        Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status));", path);
        return ((Number) status).intValue();
    }

    private void record() {
        pages.add(browser.getPageSource());
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot of one section of the page, scrolled into view. */
    private void screenshotOf(String section, String name) throws IOException {
        WebElement element = browser.findElement(By.id(section));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
        Path dir = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
    }

    private static boolean delivered(String path, String number) {
        return DESTINATIONS.getAllServeEvents().stream()
                .anyMatch(e -> e.getRequest().getUrl().equals(path) && e.getRequest().getBodyAsString().contains(number));
    }

    /** Whether the destination accepted (2xx) a message of this customer. */
    private static boolean accepted(String path, String number) {
        return DESTINATIONS.getAllServeEvents().stream()
                .anyMatch(e -> e.getRequest().getUrl().equals(path) && e.getResponse().getStatus() / 100 == 2
                        && e.getRequest().getBodyAsString().contains(number));
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int port() {
        return ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":test-secret").getBytes(StandardCharsets.UTF_8));
    }
}

package io.werkbridge.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: plays an S/4HANA system's API_BUSINESS_PARTNER (OData V2 JSON) under
 * {@code /simulator/s4/sap/opu/odata/sap/API_BUSINESS_PARTNER} with {@code werkbridge.demo.s4-partners} synthetic
 * partners, generated page by page (nothing is held but the changes), and emits a business event
 * ({@code BusinessPartner.Changed.v1}) to the hub every {@code werkbridge.demo.s4-event-interval} ms for a partner
 * whose phone number it just changed. Supports what the connector asks: {@code $top}, {@code $skiptoken},
 * {@code $filter} on BusinessPartner (resume) and on the change date and time, one partner by key, the CSRF token
 * fetch and the PATCH that blocks a partner.
 */
@RestController
@Profile("demo")
@RequestMapping("/simulator/s4/sap/opu/odata/sap/API_BUSINESS_PARTNER")
public class S4Simulator {

    private static final Logger LOG = LoggerFactory.getLogger(S4Simulator.class);
    private static final String BASE_TIME = "PT08H00M00S";
    private static final Pattern AFTER_KEY = Pattern.compile("BusinessPartner gt '(\\d{10})'");
    private static final Pattern SINCE = Pattern.compile("LastChangeDate gt datetime'(\\d{4}-\\d{2}-\\d{2})T00:00:00'.*?"
            + "LastChangeTime ge time'PT(\\d{2})H(\\d{2})M(\\d{2})S'");
    private static final Pattern ONE = Pattern.compile("'(\\d{10})'");

    private final int partners;
    private final String hubPort;
    private final String erpPassword;
    private final Map<Integer, Instant> changed = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> blocked = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    /** Events only once the hub serves requests (a start may take longer than the first delay). */
    private volatile boolean ready;

    public S4Simulator(@Value("${werkbridge.demo.s4-partners:50}") int partners,
                       @Value("${local.server.port:${server.port}}") String hubPort, DemoProperties demo) {
        this.partners = partners;
        this.hubPort = hubPort;
        this.erpPassword = demo.erpPassword();
    }

    @GetMapping(path = "/A_BusinessPartner", produces = MediaType.APPLICATION_JSON_VALUE)
    public String partners(@RequestParam(name = "$top", defaultValue = "1000") int top,
                           @RequestParam(name = "$skiptoken", required = false) Integer skip,
                           @RequestParam(name = "$filter", required = false) String filter) {
        String service = "http://localhost:" + hubPort + "/simulator/s4/sap/opu/odata/sap/API_BUSINESS_PARTNER";
        int size = Math.max(1, Math.min(top, 5000));
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        ObjectNode d = answer.putObject("d");
        ArrayNode results = d.putArray("results");
        Matcher since = filter == null ? null : SINCE.matcher(filter);
        if (since != null && since.find()) {
            Instant from = LocalDate.parse(since.group(1)).atTime(LocalTime.of(Integer.parseInt(since.group(2)),
                    Integer.parseInt(since.group(3)), Integer.parseInt(since.group(4)))).toInstant(ZoneOffset.UTC);
            changed.forEach((n, at) -> {
                if (!at.isBefore(from)) {
                    results.add(partner(service, n));
                }
            });
            return CanonicalJson.write(answer);
        }
        Matcher after = filter == null ? null : AFTER_KEY.matcher(filter);
        int first = (after != null && after.find() ? Integer.parseInt(after.group(1)) + 1 : 1) + (skip == null ? 0 : skip);
        int last = Math.min(partners, first + size - 1);
        for (int n = first; n <= last; n++) {
            results.add(partner(service, n));
        }
        if (last < partners) {
            int offset = (skip == null ? 0 : skip) + size;
            d.put("__next", service + "/A_BusinessPartner?$top=" + size + "&$skiptoken=" + offset
                    + (filter == null ? "" : "&$filter=" + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8)));
        }
        return CanonicalJson.write(answer);
    }

    @GetMapping(path = "/A_BusinessPartner({key})", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> partner(@PathVariable("key") String key) {
        Matcher m = ONE.matcher(key);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > partners) {
            return ResponseEntity.notFound().build();
        }
        String service = "http://localhost:" + hubPort + "/simulator/s4/sap/opu/odata/sap/API_BUSINESS_PARTNER";
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        answer.set("d", partner(service, Integer.parseInt(m.group(1))));
        return ResponseEntity.ok(CanonicalJson.write(answer));
    }

    /** The service root: answers the CSRF token fetch. */
    @GetMapping(path = "/")
    public ResponseEntity<Void> root() {
        return ResponseEntity.ok().header("X-CSRF-Token", UUID.randomUUID().toString()).build();
    }

    @PatchMapping(path = "/A_BusinessPartner({key})")
    public ResponseEntity<Void> block(@PathVariable("key") String key, @RequestBody(required = false) String body) {
        Matcher m = ONE.matcher(key);
        if (!m.matches()) {
            return ResponseEntity.notFound().build();
        }
        blocked.put(Integer.parseInt(m.group(1)), body != null && body.contains("\"BusinessPartnerIsBlocked\":true"));
        changed.put(Integer.parseInt(m.group(1)), Instant.now());
        LOG.info("[s4 simulator] business partner blocked by a rights request");
        return ResponseEntity.noContent().build();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        ready = true;
    }

    /** A partner changes (a new phone number) and S/4 emits its business event. */
    @Scheduled(initialDelay = 20_000, fixedDelayString = "${werkbridge.demo.s4-event-interval:15000}")
    public void emitChange() {
        if (!ready) {
            return;
        }
        int n = ThreadLocalRandom.current().nextInt(1, Math.min(partners, 50) + 1);
        changed.put(n, Instant.now());
        String event = CanonicalJson.write(Map.of("specversion", "1.0",
                "type", "sap.s4.beh.businesspartner.v1.BusinessPartner.Changed.v1",
                "source", "/default/sap.s4.beh/SIMULATOR", "id", UUID.randomUUID().toString(),
                "time", Instant.now().toString(), "datacontenttype", "application/json",
                "data", Map.of("BusinessPartner", S4ODataPartners.key(n))));
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hubPort + "/api/v1/erp/s4/events"))
                    .header("Content-Type", "application/cloudevents+json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("erp:" + erpPassword).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.discarding());
            LOG.info("[s4 simulator] BusinessPartner.Changed event sent, hub answered {}", answer.statusCode());
        } catch (java.io.IOException e) {
            LOG.warn("[s4 simulator] event not sent: {}", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode partner(String service, int n) {
        Instant at = changed.get(n);
        ObjectNode bp = S4ODataPartners.partner(service, n, blocked.getOrDefault(n, false), BASE_TIME);
        if (at != null) {
            LocalTime time = at.atOffset(ZoneOffset.UTC).toLocalTime();
            bp.put("LastChangeDate", "/Date(" + at.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() + ")/")
                    .put("LastChangeTime", String.format("PT%02dH%02dM%02dS", time.getHour(), time.getMinute(), time.getSecond()));
            ObjectNode phone = (ObjectNode) bp.path("to_BusinessPartnerAddress").path("results").path(0)
                    .path("to_PhoneNumber").path("results").path(0);
            phone.put("InternationalPhoneNumber", "+49 30 7770" + (at.getEpochSecond() % 10_000));
        }
        return bp;
    }
}

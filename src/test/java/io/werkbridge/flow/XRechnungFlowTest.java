package io.werkbridge.flow;

import static io.werkbridge.flow.ErpDocumentRequests.deliveredTo;
import static io.werkbridge.flow.ErpDocumentRequests.postXml;
import static io.werkbridge.flow.ErpDocumentRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.connector.erp.invoice.XRechnungFixtures;
import io.werkbridge.connector.erp.invoice.XRechnungFixtures.Stated;
import io.werkbridge.connector.erp.zugferd.ZugferdPdfs;
import io.werkbridge.model.CanonicalJson;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every document of the XRechnung test suite through its endpoint and through the inbox, to the portal: each arrives
 * as issued (amount due, type, line and allowance/charge sums, every payee account, masked as the portal's policy says).
 * Through the inbox each goes with a number of its own, so that both copies are new documents to the hub.
 */
class XRechnungFlowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String INVOICES = "/portal/invoices";

    @Value("${werkbridge.erp.inbox}")
    String inbox;

    @Test
    void everyUblDocumentReachesThePortalAsIssuedThroughEndpointAndInbox() throws Exception {
        everyDocumentReachesThePortal(XRechnungFixtures.ubl(), "/api/v1/erp/ubl");
    }

    @Test
    void everyCiiDocumentReachesThePortalAsIssuedThroughEndpointAndInbox() throws Exception {
        everyDocumentReachesThePortal(XRechnungFixtures.cii(), "/api/v1/erp/cii");
    }

    /** A Factur-X PDF (built here with PDFBox around a suite CII invoice) through its endpoint and the inbox. */
    @Test
    void aZugferdPdfReachesThePortalAsIssuedThroughEndpointAndInbox() throws Exception {
        Path cii = XRechnungFixtures.cii().get(0);
        Stated stated = XRechnungFixtures.stated(cii);
        String xml = new String(XRechnungFixtures.bytes(cii), StandardCharsets.UTF_8);
        String viaHttp = unique("Z");
        byte[] pdf = ZugferdPdfs.facturX(renumbered(xml, stated.number(), viaHttp).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = ErpDocumentRequests.post(port, "/api/v1/erp/zugferd", "application/pdf",
                HttpRequest.BodyPublishers.ofByteArray(pdf));
        assertThat(response.statusCode()).isEqualTo(202);
        String viaInbox = unique("Z");
        String name = unique("z") + ".pdf";
        Path staged = dir("").resolve("." + name);
        Files.write(staged, ZugferdPdfs.facturX(renumbered(xml, stated.number(), viaInbox).getBytes(StandardCharsets.UTF_8)));
        Files.move(staged, dir("").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        for (String number : List.of(viaHttp, viaInbox)) {
            await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).size() == 1);
            XRechnungFixtures.assertMatches(deliveredTo(PORTAL, INVOICES, "invoiceNumber", number).get(0).path("body"),
                    new Stated(number, stated.typeCode(), stated.lineTotal(), stated.allowanceTotal(), stated.chargeTotal(),
                            stated.taxInclusive(), stated.amountDue(), stated.accounts()), XRechnungFlowTest::masked);
        }
        assertThat(dir("done").resolve(name)).exists();
    }

    /**
     * A document whose total with VAT is not its total without VAT plus VAT (BR-CO-15): refused over HTTP with the
     * rule and both amounts, parked in error/ with the same reason from the inbox, and nothing of it reaches a queue.
     */
    @Test
    void aDocumentBreakingBrCo15IsRefusedNamingTheRuleAndNothingIsPublished() throws Exception {
        Path file = XRechnungFixtures.ubl().get(0);
        Stated stated = XRechnungFixtures.stated(file);
        String xml = new String(XRechnungFixtures.bytes(file), StandardCharsets.UTF_8);
        String broken = XRechnungFixtures.withAmountAdded(XRechnungFixtures.withAmountAdded(xml, "cbc:TaxInclusiveAmount", "10"),
                "cbc:PayableAmount", "10");
        String viaHttp = unique("B");
        HttpResponse<String> response = postXml(port, "/api/v1/erp/ubl", renumbered(broken, stated.number(), viaHttp));
        assertThat(response.statusCode()).isEqualTo(400);
        String expected = "the invoice breaks EN 16931 rule BR-CO-15: BT-112 total with VAT is "
                + stated.taxInclusive().add(java.math.BigDecimal.TEN).toPlainString() + " but BT-109 + BT-110 is "
                + stated.taxInclusive().setScale(2).toPlainString();
        assertThat(CanonicalJson.read(response.body()).path("detail").asText()).contains(expected).doesNotContain(viaHttp);

        String viaInbox = unique("B");
        String name = unique("broken") + ".xml";
        drop(name, renumbered(broken, stated.number(), viaInbox));
        Path reason = dir("error").resolve(name + ".reason.txt");
        await().atMost(WAIT).until(() -> Files.exists(dir("error").resolve(name)) && Files.exists(reason));
        assertThat(Files.readString(reason)).contains("reason: the document is at fault: " + expected).doesNotContain(viaInbox);

        // a good document sent after both is delivered; the broken ones never were
        String good = unique("G");
        assertThat(postXml(port, "/api/v1/erp/ubl", renumbered(xml, stated.number(), good)).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", good).size() == 1);
        assertThat(deliveredTo(PORTAL, INVOICES, "invoiceNumber", viaHttp)).isEmpty();
        assertThat(deliveredTo(PORTAL, INVOICES, "invoiceNumber", viaInbox)).isEmpty();
    }

    void everyDocumentReachesThePortal(List<Path> files, String endpoint) throws Exception {
        Map<String, Stated> expected = new LinkedHashMap<>();
        for (Path file : files) {
            Stated stated = XRechnungFixtures.stated(file);
            String xml = new String(XRechnungFixtures.bytes(file), StandardCharsets.UTF_8);
            String viaHttp = unique("X");
            HttpResponse<String> response = postXml(port, endpoint, renumbered(xml, stated.number(), viaHttp));
            assertThat(response.statusCode()).as(file.getFileName().toString()).isEqualTo(202);
            assertThat(CanonicalJson.read(response.body()).path("messageIds")).hasSize(1);
            expected.put(viaHttp, stated);
            String viaInbox = unique("F");
            drop(unique("x") + ".xml", renumbered(xml, stated.number(), viaInbox));
            expected.put(viaInbox, stated);
        }
        for (Map.Entry<String, Stated> entry : expected.entrySet()) {
            await().atMost(WAIT).until(() -> deliveredTo(PORTAL, INVOICES, "invoiceNumber", entry.getKey()).size() == 1);
            JsonNode message = deliveredTo(PORTAL, INVOICES, "invoiceNumber", entry.getKey()).get(0);
            Stated stated = entry.getValue();
            XRechnungFixtures.assertMatches(message.path("body"), new Stated(entry.getKey(), stated.typeCode(),
                    stated.lineTotal(), stated.allowanceTotal(), stated.chargeTotal(), stated.taxInclusive(),
                    stated.amountDue(), stated.accounts()), XRechnungFlowTest::masked);
            for (String account : stated.accounts()) {
                assertThat(message.toString()).doesNotContain(account);
            }
        }
        List<String> errors = new ArrayList<>();
        try (var listing = Files.list(dir("error"))) {
            listing.forEach(p -> errors.add(p.getFileName().toString()));
        }
        assertThat(errors).noneMatch(name -> name.startsWith("x-"));
    }

    /** The portal's policy for bank accounts: mask, keep the last 4 characters. */
    private static String masked(String account) {
        return "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
    }

    /** The document with its number (BT-1, the first element holding it) replaced. */
    static String renumbered(String xml, String number, String replacement) {
        String element = ">" + number + "<";
        int at = xml.indexOf(element);
        assertThat(at).isPositive();
        return xml.substring(0, at) + ">" + replacement + "<" + xml.substring(at + element.length());
    }


    private void drop(String name, String content) throws IOException {
        new ErpInboxFolder(inbox).drop(name, content);
    }

    private Path dir(String sub) throws IOException {
        return new ErpInboxFolder(inbox).dir(sub);
    }
}

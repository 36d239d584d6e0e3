package io.werkbridge.flow;

import static io.werkbridge.flow.ErpDocumentRequests.deliveredTo;
import static io.werkbridge.flow.ErpDocumentRequests.digits;
import static io.werkbridge.flow.ErpDocumentRequests.resource;
import static io.werkbridge.flow.ErpDocumentRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The ERP inbox folder: good files are queued and moved to done/, bad ones to error/ with a reason file, files still
 * being written (or under a temporary name) are left alone until complete, and the hub carries on after each.
 */
class ErpInboxTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${werkbridge.erp.inbox}")
    String inbox;

    @Test
    void goodFilesAreQueuedAndMovedToDone() throws Exception {
        String customer = digits();
        String debmas = unique("debmas") + ".xml";
        drop(debmas, resource("debmas06-customer.xml").replace("0000100234", customer));
        String invoice = unique("RE");
        String ubl = unique("ubl") + ".xml";
        drop(ubl, resource("ubl-invoice.xml").replace("RE-2026-0815", invoice));

        await().atMost(WAIT).until(() -> Files.exists(dir("done").resolve(debmas)) && Files.exists(dir("done").resolve(ubl)));
        assertThat(dir("").resolve(debmas)).doesNotExist();
        await().atMost(WAIT).until(() -> delivered(SHOP, customer).size() == 1
                && deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", invoice).size() == 1);
        assertThat(delivered(SHOP, customer).get(0).path("body").path("contacts")).hasSize(2);
        assertThat(deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", invoice).get(0).path("body").path("payment")
                .path("accounts").path(0).path("iban").asText()).isEqualTo("******************2051");
        assertThat(dir("error").resolve(debmas + ".reason.txt")).doesNotExist();
    }

    /**
     * Message ids follow from the documents: an invoice dropped twice, and a file of two IDocs dropped again (as after
     * a broker failure halfway through it), are delivered once each.
     */
    @Test
    void theSameDocumentsDroppedTwiceAreDeliveredOnce() throws Exception {
        String invoice = unique("RE");
        String ubl = resource("ubl-invoice.xml").replace("RE-2026-0815", invoice);
        String first = digits();
        String second = digits();
        String xml = resource("debmas06-customer.xml");
        String idoc = xml.substring(xml.indexOf("<IDOC"), xml.indexOf("</DEBMAS06>"));
        String twoIdocs = xml.replace("0000100234", first).replace("0000000004711001", "00000000" + first)
                .replace("</DEBMAS06>", idoc.replace("0000100234", second).replace("0000000004711001", "00000000" + second)
                        + "</DEBMAS06>");
        for (int copy = 0; copy < 2; copy++) {
            String a = unique("twice") + ".xml";
            String b = unique("twice") + ".xml";
            drop(a, ubl);
            drop(b, twoIdocs);
            await().atMost(WAIT).until(() -> Files.exists(dir("done").resolve(a)) && Files.exists(dir("done").resolve(b)));
            await().atMost(WAIT).until(() -> deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", invoice).size() == 1
                    && delivered(SHOP, first).size() == 1 && delivered(SHOP, second).size() == 1
                    && delivered(PORTAL, first).size() == 1 && delivered(PORTAL, second).size() == 1);
        }
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() ->
                deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", invoice).size() == 1
                        && delivered(SHOP, first).size() == 1 && delivered(SHOP, second).size() == 1
                        && delivered(PORTAL, first).size() == 1 && delivered(PORTAL, second).size() == 1);
    }

    @Test
    void badFilesGoToErrorWithAReasonAndTheHubCarriesOn() throws Exception {
        String notXml = unique("not-xml") + ".xml";
        drop(notXml, "Erika Musterfrau, Industriestr. 5");
        String wrongType = unique("orders") + ".xml";
        drop(wrongType, resource("invoic02-invoice.xml").replace("INVOIC02", "ORDERS05"));
        String missing = unique("no-kna1") + ".xml";
        drop(missing, resource("debmas06-customer.xml").replace("E1KNA1M", "E1KNA1X"));
        String laughs = unique("laughs") + ".xml";
        drop(laughs, "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"Musterfrau\">"
                + "<!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\"><!ENTITY l2 \"&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;\">]>"
                + "<INVOIC02><IDOC>&l2;</IDOC></INVOIC02>");
        String huge = unique("huge") + ".xml";
        Path staged = dir("").resolve("." + huge);
        Files.copy(ErpDocumentRequests.hugeDocument(), staged);
        Files.move(staged, dir("").resolve(huge), StandardCopyOption.ATOMIC_MOVE);

        assertRefused(notXml, "not well-formed XML");
        assertRefused(wrongType, "wrong IDoc type ORDERS05");
        assertRefused(missing, "mandatory segment E1KNA1M");
        assertRefused(laughs, "a DTD (DOCTYPE) is present");
        assertRefused(huge, "larger than the limit of 10485760 bytes (werkbridge.erp.inbox-max-file-size)");

        String customer = digits();
        String good = unique("after") + ".xml";
        drop(good, resource("debmas06-customer.xml").replace("0000100234", customer));
        await().atMost(WAIT).until(() -> Files.exists(dir("done").resolve(good)) && delivered(PORTAL, customer).size() == 1);
    }

    @Test
    void aFileStillBeingWrittenIsNotPickedUpEarly() throws Exception {
        String number = digits();
        byte[] content = resource("invoic02-invoice.xml").replace("0090004711", number).getBytes(StandardCharsets.UTF_8);
        String name = unique("slow") + ".xml";
        Path file = dir("").resolve(name);
        int chunk = content.length / 16;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (int offset = 0; offset < content.length; offset += chunk) {
                out.write(content, offset, Math.min(chunk, content.length - offset));
                out.flush();
                // an ERP writing slowly: a piece every 250 ms, 4 s in all, longer than the inbox's poll interval
                Thread.sleep(250);
                assertThat(file).exists();
                assertThat(dir("error").resolve(name)).doesNotExist();
                assertThat(dir("done").resolve(name)).doesNotExist();
            }
        }
        await().atMost(WAIT).until(() -> Files.exists(dir("done").resolve(name)));
        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", number).size() == 1);
        assertThat(dir("error").resolve(name + ".reason.txt")).doesNotExist();
    }

    @Test
    void aFileUnderATemporaryNameIsLeftAloneUntilRenamed() throws Exception {
        String number = digits();
        String name = unique("renamed") + ".xml";
        Path temporary = dir("").resolve(name + ".tmp");
        Files.writeString(temporary, resource("invoic02-invoice.xml").replace("0090004711", number));
        await().during(Duration.ofMillis(3000)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(temporary));
        Files.move(temporary, dir("").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(WAIT).until(() -> Files.exists(dir("done").resolve(name)));
        await().atMost(WAIT).until(() -> deliveredTo(PORTAL, "/portal/invoices", "invoiceNumber", number).size() == 1);
    }

    private void assertRefused(String name, String reason) throws IOException {
        Path reasonFile = dir("error").resolve(name + ".reason.txt");
        await().atMost(WAIT).until(() -> Files.exists(dir("error").resolve(name)) && Files.exists(reasonFile));
        assertThat(dir("").resolve(name)).doesNotExist();
        assertThat(Files.readString(reasonFile)).contains("reason: ").contains(reason)
                .doesNotContain("Musterfrau").doesNotContain("Erika").doesNotContain("Industriestr");
    }


    private void drop(String name, String content) throws IOException {
        new ErpInboxFolder(inbox).drop(name, content);
    }

    private Path dir(String sub) throws IOException {
        return new ErpInboxFolder(inbox).dir(sub);
    }
}

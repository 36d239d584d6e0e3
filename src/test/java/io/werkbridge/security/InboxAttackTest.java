package io.werkbridge.security;

import static io.werkbridge.security.AttackCalls.nested;
import static io.werkbridge.security.AttackCalls.nothingForwarded;
import static io.werkbridge.security.AttackCalls.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.werkbridge.flow.ErpInboxFolder;
import io.werkbridge.flow.HubTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The ERP inbox against structural attacks and hostile file names: a document breaking a limit goes to error/ with a
 * reason that blames the document and names the limit (not the broker, no "try again"); file names reach the log
 * neither with their line breaks nor with the names of persons in them.
 */
@ExtendWith(OutputCaptureExtension.class)
class InboxAttackTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MARKER = "Tiefnest";

    @Value("${werkbridge.erp.inbox}")
    String inbox;

    @Test
    void deepNestingIsTheDocumentsFaultNamingTheLimit(CapturedOutput log) throws IOException {
        String customer = Long.toString(System.nanoTime() % 1_000_000_000L);
        String name = "deep-" + customer + ".xml";
        drop(name, resource("debmas06-customer.xml").replace("0000100234", customer)
                .replaceFirst("<MSGFN>005</MSGFN>", "<MSGFN>005</MSGFN>" + nested(60_000, MARKER)));

        String reason = refused(name);

        assertThat(reason).contains("reason: the document is at fault: ")
                .contains("XML nesting deeper than 100 elements (XML nesting depth)")
                .doesNotContain("try again").doesNotContain("could not queue");
        nothingForwarded(List.of(SHOP, PORTAL, ERP), customer);
        assertThat(log.getAll()).doesNotContain(MARKER).doesNotContain("StackOverflowError");
    }

    @Test
    void tooManyElementsAreTheDocumentsFaultNamingTheLimit(CapturedOutput log) throws IOException {
        String name = "many-" + System.nanoTime() + ".xml";
        String group = "<G>" + "<a/>".repeat(50_000) + "</G>";
        drop(name, resource("ubl-invoice.xml").replace("</ubl:Invoice>", group.repeat(10) + "<b>" + MARKER + "</b></ubl:Invoice>"));

        assertThat(refused(name)).contains("reason: the document is at fault: ")
                .contains("XML with more than 500000 elements (XML element count)").doesNotContain("try again");
        assertThat(log.getAll()).doesNotContain(MARKER);
    }

    @Test
    void anElementWithTooManyChildrenIsTheDocumentsFaultNamingTheLimit(CapturedOutput log) throws IOException {
        String name = "wide-" + System.nanoTime() + ".xml";
        drop(name, resource("ubl-invoice.xml").replace("</ubl:Invoice>", "<G>" + "<a/>".repeat(50_001) + "<b>" + MARKER
                + "</b></G></ubl:Invoice>"));

        assertThat(refused(name)).contains("reason: the document is at fault: ")
                .contains("more than 50000 child elements (XML children per element)").doesNotContain("try again");
        assertThat(log.getAll()).doesNotContain(MARKER);
    }

    @Test
    void aFileNameWithANewlineForgesNoLogLineAndNamesNoPerson(CapturedOutput log) throws IOException {
        String forged = "x\n2026-12-07T04:00:00Z  INFO 1 --- [main] forged.Logger : Erika Musterfrau " + System.nanoTime() + ".xml";
        drop(forged, "<INVOIC02><IDOC>broken");
        String person = "Rechnung Erika Mustermann " + System.nanoTime() + ".xml";
        drop(person, resource("invoic02-invoice.xml").replace("0090004711", Long.toString(System.nanoTime() % 1_000_000_000L)));

        assertThat(refused(forged)).contains("not well-formed XML");
        await().atMost(WAIT).until(() -> Files.exists(dir("done").resolve(person)));
        // the route moves and logs after the bean: give it a moment to write whatever it writes
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(log.getAll()).doesNotContain("forged.Logger").doesNotContain("Musterfrau").doesNotContain("Mustermann")
                .contains("ERP inbox: file ");
    }

    private String refused(String name) throws IOException {
        Path reason = dir("error").resolve(name + ".reason.txt");
        await().atMost(WAIT).until(() -> Files.exists(dir("error").resolve(name)) && Files.exists(reason));
        return Files.readString(reason);
    }


    private void drop(String name, String content) throws IOException {
        new ErpInboxFolder(inbox).drop(name, content);
    }

    private Path dir(String sub) throws IOException {
        return new ErpInboxFolder(inbox).dir(sub);
    }
}

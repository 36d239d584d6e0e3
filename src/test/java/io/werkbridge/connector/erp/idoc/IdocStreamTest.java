package io.werkbridge.connector.erp.idoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.model.Envelope;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** IDoc XML read one IDoc at a time: files of any number of IDocs, never read ahead, each mapped like a whole document. */
class IdocStreamTest {

    private static final SapPartyKinds KINDS = new SapPartyKinds(List.of());

    @Test
    void readsFiveThousandIdocsOneAtATimeWithoutReadingAhead() {
        int count = 5_000;
        long[] served = {0};
        Set<String> customers = new HashSet<>();
        try (IdocStream idocs = new IdocStream(DebmasFiles.stream(count, i -> DebmasFiles.idoc("71", i), served))) {
            assertThat(idocs.type()).isEqualTo("DEBMAS06");
            int read = 0;
            for (Element idoc = idocs.next(); idoc != null; idoc = idocs.next()) {
                // the reader has not run ahead of the IDoc it returns by more than its buffers: a whole file never in memory
                long upTo = (long) (read + 1) * DebmasFiles.idoc("71", read).length() + 64 * 1024;
                assertThat(served[0]).isLessThan(upTo + 64 * 1024);
                Envelope envelope = IdocReader.readOne(idocs.type(), idoc, KINDS).envelope();
                assertThat(envelope.key()).isEqualTo(DebmasFiles.customer("71", read));
                customers.add(envelope.key());
                read++;
            }
            assertThat(read).isEqualTo(count);
        }
        // more than the 1,000 IDocs one document may hold on the inbox's and the API's path
        assertThat(customers).hasSize(count);
    }

    @Test
    void anIdocIsMappedAsInAWholeDocument() throws Exception {
        String one = DebmasFiles.idoc("72", 5);
        Envelope streamed;
        try (IdocStream idocs = new IdocStream(new ByteArrayInputStream(("<DEBMAS06>" + one + "</DEBMAS06>")
                .getBytes(StandardCharsets.UTF_8)))) {
            streamed = IdocReader.readOne(idocs.type(), idocs.next(), KINDS).envelope();
            assertThat(idocs.next()).isNull();
        }
        Envelope whole = IdocReader.read(io.werkbridge.connector.erp.xml.SafeXml.parse(new ByteArrayInputStream(
                ("<DEBMAS06>" + one + "</DEBMAS06>").getBytes(StandardCharsets.UTF_8))).getDocumentElement(), KINDS)
                .get(0).envelope();
        assertThat(streamed.messageId()).isEqualTo(whole.messageId());
        assertThat(streamed.body()).isEqualTo(whole.body());
        assertThat(streamed.body().path("contacts").path(0).path("lastName").asText()).isEqualTo("Musterfrau");
    }

    @Test
    void aFileThatBreaksOffIsRefusedAfterTheIdocsBeforeItNamingTheLineNotTheContent() {
        String xml = "<DEBMAS06>" + DebmasFiles.idoc("73", 0) + DebmasFiles.idoc("73", 1) + "<IDOC><EDI_DC40>Musterfrau</IDOC>";
        try (IdocStream idocs = new IdocStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(idocs.next()).isNotNull();
            assertThat(idocs.next()).isNotNull();
            assertThatThrownBy(idocs::next).isInstanceOf(InvalidErpDocumentException.class)
                    .hasMessageContaining("not well-formed XML (line").hasMessageNotContaining("Musterfrau");
        }
    }

    @Test
    void refusesOtherTypesNamespacesDtdsAndOversizedIdocs() {
        assertThatThrownBy(() -> new IdocStream(bytes("<ORDERS05><IDOC/></ORDERS05>")))
                .hasMessageContaining("wrong IDoc type ORDERS05");
        assertThatThrownBy(() -> new IdocStream(bytes("<DEBMAS06 xmlns=\"urn:x\"><IDOC/></DEBMAS06>")))
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> new IdocStream(bytes("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"Musterfrau\">]>"
                + "<DEBMAS06><IDOC>&l0;</IDOC></DEBMAS06>")).next()).isInstanceOf(InvalidErpDocumentException.class);
        StringBuilder huge = new StringBuilder("<DEBMAS06><IDOC>");
        huge.append("<E/>".repeat(IdocStream.MAX_ELEMENTS_PER_IDOC + 1)).append("</IDOC></DEBMAS06>");
        try (IdocStream idocs = new IdocStream(bytes(huge.toString()))) {
            assertThatThrownBy(idocs::next).hasMessageContaining("more than " + IdocStream.MAX_ELEMENTS_PER_IDOC + " elements");
        }
    }

    private static ByteArrayInputStream bytes(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}

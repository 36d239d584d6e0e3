package io.werkbridge.connector.erp.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.connector.erp.ErpXmlDocuments;
import io.werkbridge.connector.erp.ErpXmlDocuments.Format;
import io.werkbridge.connector.erp.idoc.IdocProperties;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.CanonicalValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document of the XRechnung test suite (UBL and CII) read into the canonical invoice: what reaches the
 * canonical message equals what the document states of itself (amount due BT-115, type BT-3, BT-106 as the sum of the
 * lines, BT-107/BT-108 as the sums of the allowances and charges, every payee account), as the wire carries it.
 */
class XRechnungReadingTest {

    static final ErpXmlDocuments DOCUMENTS = new ErpXmlDocuments(new CanonicalValidator(), null, new IdocProperties(List.of()));

    static Stream<Path> ubl() {
        return XRechnungFixtures.ubl().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ubl")
    void everyUblDocumentIsReadAsItWasIssued(Path file) throws IOException {
        assertReadAsStated(file, Set.of(Format.UBL));
    }

    static Stream<Path> cii() {
        return XRechnungFixtures.cii().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cii")
    void everyCiiDocumentIsReadAsItWasIssued(Path file) throws IOException {
        assertReadAsStated(file, Set.of(Format.CII));
    }

    /**
     * Each business case of the suite is one invoice in two syntaxes: both read to the same document identity, so the
     * same message id. (One case, 01.21a, gives its seller different VAT ids in its two files: those are two sellers.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ubl")
    void theSameInvoiceInUblAndCiiGetsTheSameMessageId(Path ubl) throws IOException {
        Path cii = ubl.resolveSibling(ubl.getFileName().toString().replace("_ubl.xml", "_uncefact.xml"));
        ErpDocument fromUbl = DOCUMENTS.read(new ByteArrayInputStream(XRechnungFixtures.bytes(ubl)), Set.of(Format.UBL)).get(0);
        ErpDocument fromCii = DOCUMENTS.read(new ByteArrayInputStream(XRechnungFixtures.bytes(cii)), Set.of(Format.CII)).get(0);
        if (XRechnungFixtures.sellerVatId(ubl).equals(XRechnungFixtures.sellerVatId(cii))) {
            assertThat(fromCii.envelope().messageId()).isEqualTo(fromUbl.envelope().messageId());
        } else {
            assertThat(fromCii.envelope().messageId()).isNotEqualTo(fromUbl.envelope().messageId());
        }
        JsonNode a = fromUbl.envelope().body();
        JsonNode b = fromCii.envelope().body();
        for (String field : List.of("invoiceNumber", "typeCode", "customerNumber", "issueDate", "dueDate", "currency")) {
            assertThat(b.path(field)).as(field).isEqualTo(a.path(field));
        }
        assertThat(b.path("lines").size()).isEqualTo(a.path("lines").size());
        assertThat(b.path("billTo").path("kind")).isEqualTo(a.path("billTo").path("kind"));
        assertThat(b.path("payment").path("accounts")).isEqualTo(a.path("payment").path("accounts"));
    }

    static void assertReadAsStated(Path file, Set<Format> format) throws IOException {
        List<ErpDocument> documents = DOCUMENTS.read(new ByteArrayInputStream(XRechnungFixtures.bytes(file)), format);
        assertThat(documents).hasSize(1);
        JsonNode body = CanonicalJson.read(CanonicalJson.write(documents.get(0).envelope().body()));
        XRechnungFixtures.assertMatches(body, XRechnungFixtures.stated(file));
        // the same document in any syntax is read the same: all formats accepted, detected by content
        assertThat(DOCUMENTS.read(new ByteArrayInputStream(XRechnungFixtures.bytes(file)), EnumSet.allOf(Format.class)).get(0)
                .envelope().messageId()).isEqualTo(documents.get(0).envelope().messageId());
    }

}

package io.werkbridge.connector.erp.zugferd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.connector.erp.ErpXmlDocuments;
import io.werkbridge.connector.erp.ErpXmlDocuments.Format;
import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.connector.erp.idoc.IdocProperties;
import io.werkbridge.connector.erp.invoice.XRechnungFixtures;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.CanonicalValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ZUGFeRD/Factur-X PDFs, built with PDFBox around the suite's CII invoices, read as the CII inside them. */
class ZugferdPdfTest {

    private static final ErpXmlDocuments DOCUMENTS = new ErpXmlDocuments(new CanonicalValidator(), null, new IdocProperties(List.of()));

    @Test
    void theInvoiceOfAFacturXPdfIsItsEmbeddedCii() throws IOException {
        for (Path cii : XRechnungFixtures.cii().subList(0, 5)) {
            byte[] xml = XRechnungFixtures.bytes(cii);
            ErpDocument fromPdf = read(ZugferdPdfs.facturX(xml), Set.of(Format.ZUGFERD));
            ErpDocument fromXml = read(xml, Set.of(Format.CII));
            assertThat(fromPdf.envelope().body()).isEqualTo(fromXml.envelope().body());
            assertThat(fromPdf.envelope().messageId()).isEqualTo(fromXml.envelope().messageId());
            XRechnungFixtures.assertMatches(CanonicalJson.read(CanonicalJson.write(fromPdf.envelope().body())),
                    XRechnungFixtures.stated(cii));
        }
        // ZUGFeRD 2's own attachment name, detected by content among all formats
        byte[] zugferd = ZugferdPdfs.withAttachment("zugferd-invoice.xml", XRechnungFixtures.bytes(XRechnungFixtures.cii().get(0)));
        assertThat(read(zugferd, EnumSet.allOf(Format.class)).envelope().type().id()).isEqualTo("invoice");
    }

    @Test
    void pdfsWithoutAnInvoiceOrNotReadableAreRefusedSayingWhy() {
        assertRefused(ZugferdPdfs.withAttachment("notes.xml", "<a/>".getBytes(StandardCharsets.UTF_8)),
                "the PDF carries no ZUGFeRD/Factur-X invoice: no attachment named factur-x.xml, xrechnung.xml, zugferd-invoice.xml");
        assertRefused("%PDF-1.7\nErika Musterfrau\n%%EOF".getBytes(StandardCharsets.UTF_8), "the PDF cannot be read");
        assertRefused(ZugferdPdfs.facturX(XRechnungFixtures.bytes(XRechnungFixtures.ubl().get(0))),
                "the PDF's invoice XML is not a CII D16B invoice");
        assertRefused(ZugferdPdfs.facturX("<rsm:CrossIndustryInvoice xmlns:rsm=\"x\">Musterfrau".getBytes(StandardCharsets.UTF_8)),
                "not well-formed XML");
        assertThatThrownBy(() -> read(ZugferdPdfs.facturX(XRechnungFixtures.bytes(XRechnungFixtures.cii().get(0))),
                Set.of(Format.UBL))).isInstanceOf(InvalidErpDocumentException.class)
                .hasMessageContaining("wrong document type: a ZUGFeRD/Factur-X PDF is not accepted here");
    }

    private static void assertRefused(byte[] pdf, String reason) {
        assertThatThrownBy(() -> read(pdf, EnumSet.allOf(Format.class))).isInstanceOf(InvalidErpDocumentException.class)
                .hasMessageContaining(reason).message().doesNotContain("Musterfrau");
    }

    private static ErpDocument read(byte[] data, Set<Format> formats) throws IOException {
        List<ErpDocument> documents = DOCUMENTS.read(new ByteArrayInputStream(data), formats);
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }
}

package io.werkbridge.connector.erp.zugferd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * ZUGFeRD/Factur-X PDFs for the tests, built with PDFBox the way the standard lays them out: a page, and the invoice
 * XML as an embedded file under its standard name, with AFRelationship "Alternative", listed in the catalog's AF.
 */
public final class ZugferdPdfs {

    private ZugferdPdfs() {
    }

    public static byte[] withAttachment(String name, byte[] xml) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.addPage(new PDPage());
            PDEmbeddedFile file = new PDEmbeddedFile(pdf, new ByteArrayInputStream(xml));
            file.setSubtype("text/xml");
            file.setSize(xml.length);
            file.setModDate(Calendar.getInstance());
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setEmbeddedFile(file);
            spec.setFileDescription("invoice");
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(name, spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            pdf.getDocumentCatalog().setNames(names);
            org.apache.pdfbox.cos.COSArray af = new org.apache.pdfbox.cos.COSArray();
            af.add(spec.getCOSObject());
            pdf.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Factur-X PDF of the given CII invoice. */
    public static byte[] facturX(byte[] cii) {
        return withAttachment("factur-x.xml", cii);
    }
}

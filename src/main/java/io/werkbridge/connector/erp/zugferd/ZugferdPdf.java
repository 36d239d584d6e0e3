package io.werkbridge.connector.erp.zugferd;

import io.werkbridge.connector.erp.InvalidErpDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * The invoice XML embedded in a ZUGFeRD 2 / Factur-X PDF (a PDF/A-3 whose attachment {@code factur-x.xml},
 * {@code zugferd-invoice.xml} or {@code xrechnung.xml} is the invoice, in CII). The PDF is read by Apache PDFBox in
 * memory bounded by the input's own size; the attachment is read up to {@link #MAX_XML_BYTES} and then parsed like
 * any ERP XML (SafeXml's limits). The PDF's visible pages are not read: the XML is the invoice.
 */
public final class ZugferdPdf {

    /** The attachment names of ZUGFeRD 2.x / Factur-X (all profiles) and of XRechnung in ZUGFeRD. */
    static final Set<String> INVOICE_NAMES = Set.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml");
    static final int MAX_XML_BYTES = 10 * 1024 * 1024;
    private static final int MAX_TREE_NODES = 1_000;
    private static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};

    private ZugferdPdf() {
    }

    /** Whether the bytes are a PDF: it starts with "%PDF-" (within the first kilobyte, as readers allow). */
    public static boolean isPdf(byte[] data) {
        int end = Math.min(data.length, 1024) - MAGIC.length;
        for (int i = 0; i <= end; i++) {
            if (matchesAt(data, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] data, int at) {
        for (int j = 0; j < MAGIC.length; j++) {
            if (data[at + j] != MAGIC[j]) {
                return false;
            }
        }
        return true;
    }

    /** @throws InvalidErpDocumentException when the PDF cannot be read or carries no invoice XML */
    public static byte[] invoiceXml(byte[] pdf) {
        // memory only, at most a few times the input: a PDF's streams cannot make the reader use the disk or grow unbounded
        MemoryUsageSetting memory = MemoryUsageSetting.setupMainMemoryOnly(Math.max(pdf.length, 1) * 4L + MAX_XML_BYTES);
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null, memory.streamCache)) {
            PDEmbeddedFilesNameTreeNode files = new PDDocumentNameDictionary(document.getDocumentCatalog()).getEmbeddedFiles();
            if (files == null) {
                throw missing();
            }
            List<Map.Entry<String, PDComplexFileSpecification>> found = new ArrayList<>();
            collect(files, found, new int[] {0});
            for (Map.Entry<String, PDComplexFileSpecification> entry : found) {
                if (INVOICE_NAMES.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                    return read(entry.getValue());
                }
            }
            throw missing();
        } catch (InvalidPasswordException e) {
            throw new InvalidErpDocumentException("the PDF is encrypted; send the ZUGFeRD/Factur-X PDF without a password");
        } catch (IOException e) {
            throw new InvalidErpDocumentException("the PDF cannot be read (damaged or not a PDF); send a ZUGFeRD/Factur-X PDF");
        }
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, List<Map.Entry<String, PDComplexFileSpecification>> out,
                                int[] visited) throws IOException {
        if (++visited[0] > MAX_TREE_NODES) {
            throw new InvalidErpDocumentException("the PDF's attachment tree has more than " + MAX_TREE_NODES + " nodes");
        }
        Map<String, PDComplexFileSpecification> names = node.getNames();
        if (names != null) {
            out.addAll(names.entrySet());
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, out, visited);
            }
        }
    }

    private static byte[] read(PDComplexFileSpecification spec) throws IOException {
        PDEmbeddedFile file = spec.getEmbeddedFile();
        if (file == null) {
            throw missing();
        }
        try (InputStream in = file.createInputStream()) {
            byte[] xml = in.readNBytes(MAX_XML_BYTES + 1);
            if (xml.length > MAX_XML_BYTES) {
                throw new InvalidErpDocumentException("the PDF's invoice XML is larger than " + MAX_XML_BYTES + " bytes");
            }
            return xml;
        }
    }

    private static InvalidErpDocumentException missing() {
        return new InvalidErpDocumentException("the PDF carries no ZUGFeRD/Factur-X invoice: no attachment named "
                + String.join(", ", INVOICE_NAMES.stream().sorted().toList()));
    }
}

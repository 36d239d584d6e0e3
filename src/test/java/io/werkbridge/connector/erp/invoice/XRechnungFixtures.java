package io.werkbridge.connector.erp.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The XRechnung test suite's documents (src/test/resources/xrechnung, SOURCES.md there) and what each says of
 * itself, read with XPath over local names, independently of the readers under test.
 */
public final class XRechnungFixtures {

    private XRechnungFixtures() {
    }

    public static List<Path> ubl() {
        return files("_ubl.xml");
    }

    public static List<Path> cii() {
        return files("_uncefact.xml");
    }

    private static List<Path> files(String suffix) {
        try (Stream<Path> files = Files.list(Path.of(XRechnungFixtures.class.getResource("/xrechnung/SOURCES.md").toURI()).getParent())) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a document states of itself: BT-1, BT-3, BT-106..BT-115, the payee accounts (BT-84) in order. */
    public record Stated(String number, String typeCode, BigDecimal lineTotal, BigDecimal allowanceTotal,
                         BigDecimal chargeTotal, BigDecimal taxInclusive, BigDecimal amountDue, List<String> accounts) {
    }

    public static Stated stated(Path file) {
        Document doc = parse(bytes(file));
        boolean ubl = file.getFileName().toString().endsWith("_ubl.xml");
        if (ubl) {
            String total = "/*/*[local-name()='LegalMonetaryTotal']/*[local-name()='%s']";
            return new Stated(text(doc, "/*/*[local-name()='ID']"),
                    text(doc, "/*/*[local-name()='InvoiceTypeCode' or local-name()='CreditNoteTypeCode']"),
                    amount(doc, total.formatted("LineExtensionAmount")), amount(doc, total.formatted("AllowanceTotalAmount")),
                    amount(doc, total.formatted("ChargeTotalAmount")), amount(doc, total.formatted("TaxInclusiveAmount")),
                    amount(doc, total.formatted("PayableAmount")),
                    texts(doc, "/*/*[local-name()='PaymentMeans']/*[local-name()='PayeeFinancialAccount']/*[local-name()='ID']"));
        }
        String summation = "//*[local-name()='SpecifiedTradeSettlementHeaderMonetarySummation']/*[local-name()='%s']";
        return new Stated(text(doc, "/*/*[local-name()='ExchangedDocument']/*[local-name()='ID']"),
                text(doc, "/*/*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']"),
                amount(doc, summation.formatted("LineTotalAmount")), amount(doc, summation.formatted("AllowanceTotalAmount")),
                amount(doc, summation.formatted("ChargeTotalAmount")), amount(doc, summation.formatted("GrandTotalAmount")),
                amount(doc, summation.formatted("DuePayableAmount")),
                texts(doc, "//*[local-name()='SpecifiedTradeSettlementPaymentMeans']/*[local-name()='PayeePartyCreditorFinancialAccount']"
                        + "/*[local-name()='IBANID' or local-name()='ProprietaryID']"));
    }

    /** BT-31, the seller's VAT id ("" when it has none). */
    public static String sellerVatId(Path file) {
        Document doc = parse(bytes(file));
        String value = file.getFileName().toString().endsWith("_ubl.xml")
                ? text(doc, "/*/*[local-name()='AccountingSupplierParty']/*[local-name()='Party']/*[local-name()='PartyTaxScheme']"
                        + "[*[local-name()='TaxScheme']/*[local-name()='ID']='VAT']/*[local-name()='CompanyID']")
                : text(doc, "//*[local-name()='SellerTradeParty']/*[local-name()='SpecifiedTaxRegistration']"
                        + "/*[local-name()='ID'][@schemeID='VA']");
        return value == null ? "" : value;
    }

    /** The document with {@code delta} added to the first amount element {@code name} (prefix:local name). */
    public static String withAmountAdded(String xml, String name, String delta) {
        Matcher m = amountElement(name).matcher(xml);
        assertThat(m.find()).as(name).isTrue();
        return xml.substring(0, m.start(2)) + new BigDecimal(m.group(2)).add(new BigDecimal(delta)).toPlainString()
                + xml.substring(m.end(2));
    }

    static Pattern amountElement(String name) {
        return Pattern.compile("(<" + Pattern.quote(name) + "(?:\\s[^>]*)?>)\\s*(-?[0-9.]+)\\s*");
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            try (InputStream in = new ByteArrayInputStream(xml)) {
                return factory.newDocumentBuilder().parse(in);
            }
        } catch (Exception e) {
            throw new IllegalStateException("fixture not readable", e);
        }
    }

    private static String text(Document doc, String xpath) {
        try {
            String value = (String) XPathFactory.newInstance().newXPath().evaluate("string(" + xpath + ")", doc, XPathConstants.STRING);
            return value.isBlank() ? null : value.trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal amount(Document doc, String xpath) {
        String value = text(doc, "(" + xpath + ")[1]");
        return value == null ? null : new BigDecimal(value);
    }

    private static List<String> texts(Document doc, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent().trim());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param body the canonical invoice as the wire carries it */
    public static void assertMatches(JsonNode body, Stated stated) {
        assertMatches(body, stated, UnaryOperator.identity());
    }

    /** @param account how each payee account reaches {@code body} (as it is, or masked by a destination's policy) */
    public static void assertMatches(JsonNode body, Stated stated,
                                     UnaryOperator<String> account) {
        JsonNode totals = body.path("totals");
        assertThat(body.path("invoiceNumber").asText()).isEqualTo(stated.number());
        assertThat(body.path("typeCode").asText()).isEqualTo(stated.typeCode());
        assertThat(totals.path("amountDue").decimalValue()).isEqualByComparingTo(stated.amountDue());
        assertThat(totals.path("taxInclusive").decimalValue()).isEqualByComparingTo(stated.taxInclusive());
        assertThat(totals.path("lineTotal").decimalValue()).isEqualByComparingTo(stated.lineTotal());
        assertThat(sum(body.path("lines"), "net")).as("BT-106 is the sum of the lines").isEqualByComparingTo(stated.lineTotal());
        assertThat(sum(body.path("allowances"), "amount")).as("BT-107")
                .isEqualByComparingTo(orZero(stated.allowanceTotal()));
        assertThat(sum(body.path("charges"), "amount")).as("BT-108").isEqualByComparingTo(orZero(stated.chargeTotal()));
        if (stated.allowanceTotal() != null) {
            assertThat(totals.path("allowanceTotal").decimalValue()).isEqualByComparingTo(stated.allowanceTotal());
        }
        if (stated.chargeTotal() != null) {
            assertThat(totals.path("chargeTotal").decimalValue()).isEqualByComparingTo(stated.chargeTotal());
        }
        List<String> accounts = new ArrayList<>();
        body.path("payment").path("accounts").forEach(a -> accounts.add(a.path("iban").asText()));
        assertThat(accounts).as("every payee account")
                .containsExactlyElementsOf(stated.accounts().stream().map(account).toList());
    }

    static BigDecimal sum(JsonNode items, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : items) {
            sum = sum.add(item.path(field).decimalValue());
        }
        return sum;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

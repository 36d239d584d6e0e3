package io.werkbridge.connector.erp.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.erp.ErpXmlDocuments;
import io.werkbridge.connector.erp.ErpXmlDocuments.Format;
import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.connector.erp.idoc.IdocProperties;
import io.werkbridge.model.CanonicalValidator;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * EN 16931's calculation rules on real documents of the XRechnung suite, each altered to break one rule: refused
 * naming the rule and the two amounts, in UBL and in CII alike.
 */
class InvoiceReconciliationTest {

    private static final ErpXmlDocuments DOCUMENTS = new ErpXmlDocuments(new CanonicalValidator(), null, new IdocProperties(List.of()));

    @Test
    void taxInclusiveThatIsNotTaxExclusivePlusTaxBreaksBrCo15() {
        // the amounts due and with VAT raised alike: only BR-CO-15 is broken
        String ubl = fixture("01.01a-INVOICE_ubl.xml");
        String broken = add(add(ubl, "cbc:TaxInclusiveAmount", "10.00"), "cbc:PayableAmount", "10.00");
        assertBreaks(broken, "BR-CO-15", "BT-112 total with VAT is " + value(broken, "cbc:TaxInclusiveAmount"),
                "BT-109 + BT-110 is " + value(ubl, "cbc:TaxInclusiveAmount"));

        String cii = fixture("01.01a-INVOICE_uncefact.xml");
        String brokenCii = add(add(cii, "ram:GrandTotalAmount", "10.00"), "ram:DuePayableAmount", "10.00");
        assertBreaks(brokenCii, "BR-CO-15", "BT-112 total with VAT is " + value(brokenCii, "ram:GrandTotalAmount"),
                "BT-109 + BT-110 is " + value(cii, "ram:GrandTotalAmount"));
    }

    @Test
    void eachTotalIsCheckedAgainstWhatItSums() {
        String ubl = fixture("01.01a-INVOICE_ubl.xml");
        assertBreaks(add(ubl, "cbc:PayableAmount", "0.01"), "BR-CO-16", "BT-115 amount due", "BT-112 - BT-113 + BT-114");
        assertBreaks(add(ubl, "cbc:LineExtensionAmount", "1.00"), "BR-CO-10", "BT-106 sum of line net amounts");
        assertBreaks(add(ubl, "cbc:TaxExclusiveAmount", "1.00"), "BR-CO-13", "BT-109 total without VAT");
        String cii = fixture("01.01a-INVOICE_uncefact.xml");
        assertBreaks(add(cii, "ram:DuePayableAmount", "-0.01"), "BR-CO-16", "BT-115 amount due");
        assertBreaks(add(cii, "ram:TaxBasisTotalAmount", "1.00"), "BR-CO-13", "BT-109 total without VAT");
    }

    @Test
    void allowancesChargesAndTheVatBreakdownAreChecked() {
        // 02.01a has a document-level allowance and charge (of 0.00), 01.21a a charge of 25.00
        String ubl = fixture("02.01a-INVOICE_ubl.xml");
        assertBreaks(add(ubl, "cbc:AllowanceTotalAmount", "1.00"), "BR-CO-11", "BT-107 sum of allowances is 1",
                "the sum of the document allowances (BT-92) is 0.00");
        assertBreaks(add(fixture("01.21a-INVOICE_ubl.xml"), "cbc:ChargeTotalAmount", "1.00"), "BR-CO-12",
                "BT-108 sum of charges is 26.00", "the sum of the document charges (BT-99) is 25.00");
        String cii = fixture("01.20a-INVOICE_uncefact.xml");
        assertBreaks(add(cii, "ram:AllowanceTotalAmount", "1.00"), "BR-CO-11", "BT-107 sum of allowances");
        // a VAT category's taxable amount that is not its lines' (BR-S-08), its tax that is not taxable x rate (BR-CO-17)
        String one = fixture("01.01a-INVOICE_ubl.xml");
        assertBreaks(add(one, "cbc:TaxableAmount", "1.00"), "BR-S-08", "BT-116 taxable amount of VAT category S");
        String tax = addAll(one, "cbc:TaxAmount", "5.00");
        String taxAndTotals = add(add(tax, "cbc:TaxInclusiveAmount", "5.00"), "cbc:PayableAmount", "5.00");
        assertBreaks(taxAndTotals, "BR-CO-17", "BT-117 VAT of category S");
    }

    @Test
    void theUnalteredDocumentsPass() throws Exception {
        for (Path file : XRechnungFixtures.ubl()) {
            DOCUMENTS.read(new ByteArrayInputStream(XRechnungFixtures.bytes(file)), EnumSet.allOf(Format.class));
        }
    }

    private static void assertBreaks(String xml, String rule, String... details) {
        assertThatThrownBy(() -> DOCUMENTS.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                EnumSet.allOf(Format.class)))
                .isInstanceOf(InvalidErpDocumentException.class)
                .hasMessageContaining("breaks EN 16931 rule " + rule + ":")
                .hasMessageContainingAll(details);
    }

    static String fixture(String name) {
        return new String(XRechnungFixtures.bytes(XRechnungFixtures.ubl().get(0).resolveSibling(name)), StandardCharsets.UTF_8);
    }

    static String add(String xml, String name, String delta) {
        return XRechnungFixtures.withAmountAdded(xml, name, delta);
    }

    /** The same for every element {@code name}. */
    private static String addAll(String xml, String name, String delta) {
        Matcher m = element(name).matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)
                    + new BigDecimal(m.group(2)).add(new BigDecimal(delta)).toPlainString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String xml, String name) {
        Matcher m = element(name).matcher(xml);
        assertThat(m.find()).isTrue();
        return new BigDecimal(m.group(2)).setScale(2).toPlainString();
    }

    private static Pattern element(String name) {
        return XRechnungFixtures.amountElement(name);
    }
}

package io.werkbridge.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.connector.erp.ErpXmlDocuments.Format;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.connector.erp.idoc.IdocProperties;
import io.werkbridge.model.CanonicalValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** IDoc XML (DEBMAS06, INVOIC02) and a UBL 2.1 invoice, written for the tests, mapped field by field; bad documents refused. */
public class ErpXmlMappingTest {

    private static final ErpXmlDocuments DOCUMENTS = new ErpXmlDocuments(new CanonicalValidator(), null, new IdocProperties(List.of()));

    static String resource(String name) {
        try (InputStream in = ErpXmlMappingTest.class.getResourceAsStream("/erp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ErpDocument> read(String xml, Set<Format> formats) throws IOException {
        return DOCUMENTS.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), formats);
    }

    private static ErpDocument readOne(String xml) throws IOException {
        List<ErpDocument> documents = read(xml, EnumSet.allOf(Format.class));
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    @Test
    void debmasBecomesACanonicalCustomerWithAllContactsAndBankData() throws IOException {
        ErpDocument document = readOne(resource("debmas06-customer.xml"));
        assertThat(document.flow()).isEqualTo("customer-master");
        assertThat(document.envelope().type().id()).isEqualTo("customer");
        assertThat(document.envelope().key()).isEqualTo("100234");
        assertThat(document.envelope().operation().name()).isEqualTo("UPSERT");
        assertThat(document.envelope().occurredAt()).hasToString("2026-11-20T10:15:00Z");
        assertThat(document.envelope().source()).isEqualTo("erp");
        JsonNode body = document.envelope().body();
        assertThat(body).isEqualTo(CanonicalJson.read("""
                {"customerNumber":"100234",
                 "company":{"kind":"unknown","name":"Beispiel Maschinenbau GmbH","vatId":"DE123456789",
                            "address":{"street":"Industriestr. 5","postalCode":"33602","city":"Bielefeld","country":"DE"}},
                 "contacts":[
                   {"id":"17","title":"Dr.","firstName":"Erika","lastName":"Musterfrau","email":"erika.musterfrau@example.com",
                    "phone":"+49 521 5550 1234","function":"01"},
                   {"id":"18","firstName":"Max","lastName":"Beispiel","phone":"+49 521 5550 5678","function":"06"}],
                 "bankAccounts":[{"iban":"DE89370400440532013000","bic":"COBADEFFXXX","holder":"Beispiel Maschinenbau GmbH"}],
                 "paymentTerms":"ZB30"}"""));
    }

    /** A DEBMAS IDoc as SAP writes it: control record, then E1KNA1M with the given fields (and segments). */
    public static String debmas(String idocType, String messageType, String docnum, String kna1) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <%1$s><IDOC BEGIN="1">
                  <EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><MANDT>100</MANDT><DOCNUM>%3$s</DOCNUM>
                    <IDOCTYP>%1$s</IDOCTYP><MESTYP>%2$s</MESTYP><SNDPRN>S4HCLNT100</SNDPRN>
                    <CREDAT>20261201</CREDAT><CRETIM>091500</CRETIM></EDI_DC40>
                  <E1KNA1M SEGMENT="1">%4$s</E1KNA1M>
                </IDOC></%1$s>""".formatted(idocType, messageType, docnum, kna1);
    }

    @Test
    void debmasWithCountryOnlyIsAcceptedWithoutInventedAddressFields() throws IOException {
        for (String type : List.of("DEBMAS05", "DEBMAS06", "DEBMAS07")) {
            ErpDocument document = readOne(debmas(type, "DEBMAS", "0000000000000815",
                    "<MSGFN>009</MSGFN><KUNNR>0000200001</KUNNR><LAND1>AT</LAND1><NAME1>Kleinbetrieb</NAME1>"));
            assertThat(document.envelope().operation().name()).isEqualTo("UPSERT");
            assertThat(document.envelope().body()).as(type).isEqualTo(CanonicalJson.read("""
                    {"customerNumber":"200001","company":{"kind":"unknown","name":"Kleinbetrieb","address":{"country":"AT"}},
                     "contacts":[],"bankAccounts":[]}"""));
            assertThat(CanonicalJson.write(document.envelope())).doesNotContain("null");
        }
    }

    @Test
    void changeDebmasBecomesAPatchWithOnlyTheDeliveredFields() throws IOException {
        ErpDocument document = readOne(debmas("DEBMAS06", "DEBMAS", "0000000000000816",
                "<MSGFN>004</MSGFN><KUNNR>0000200002</KUNNR><TELF1>+49 30 5550 9876</TELF1>"));
        assertThat(document.envelope().operation().name()).isEqualTo("PATCH");
        assertThat(document.envelope().body()).isEqualTo(CanonicalJson.read(
                "{\"customerNumber\":\"200002\",\"company\":{\"phone\":\"+49 30 5550 9876\"}}"));
        assertThat(CanonicalJson.tree(document.envelope()).path("operation").asText()).isEqualTo("patch");
    }

    @Test
    void reducedMessageTypeFieldsTheReductionLeftOutAreAbsent() throws IOException {
        // BD53 reduction: fields not selected arrive as "/" (SAP's no-data sign); MSGFN 005 of a reduced type is a change
        ErpDocument document = readOne(debmas("DEBMAS07", "ZDEBMAS", "0000000000000817",
                "<MSGFN>005</MSGFN><KUNNR>0000200003</KUNNR><NAME1>/</NAME1><ORT01>Graz</ORT01><PSTLZ>/</PSTLZ>"
                + "<STCEG>/</STCEG><E1KNVKM SEGMENT=\"1\"><MSGFN>005</MSGFN><PARNR>0000000031</PARNR><NAMEV>/</NAMEV>"
                + "<SMTP_ADDR>neu@example.com</SMTP_ADDR></E1KNVKM>"
                + "<E1KNVKM SEGMENT=\"1\"><MSGFN>003</MSGFN><PARNR>0000000032</PARNR></E1KNVKM>"));
        assertThat(document.envelope().operation().name()).isEqualTo("PATCH");
        assertThat(document.envelope().body()).isEqualTo(CanonicalJson.read("""
                {"customerNumber":"200003","company":{"address":{"city":"Graz"}},
                 "contacts":[{"id":"31","email":"neu@example.com"}]}"""));
        // a reduced type's original (MSGFN 009) is a creation: the name is mandatory again
        assertRefused(debmas("DEBMAS07", "ZDEBMAS", "0000000000000818",
                "<MSGFN>009</MSGFN><KUNNR>0000200003</KUNNR><NAME1>/</NAME1>"), "E1KNA1M.NAME1 (company name)");
    }

    @Test
    void theCompanyNameIsMandatoryForACreationOnly() {
        assertRefused(debmas("DEBMAS06", "DEBMAS", "0000000000000819",
                "<MSGFN>005</MSGFN><KUNNR>0000200004</KUNNR><LAND1>DE</LAND1>"), "E1KNA1M.NAME1 (company name) is missing");
    }

    @Test
    void theMessageIdComesFromTheIdocNumberSoAResentIdocIsTheSameMessage() throws IOException {
        String kna1 = "<MSGFN>004</MSGFN><KUNNR>0000200005</KUNNR><TELF1>+49 30 5550 1111</TELF1>";
        String first = readOne(debmas("DEBMAS06", "DEBMAS", "0000000000004711", kna1)).envelope().messageId();
        String resent = readOne(debmas("DEBMAS06", "DEBMAS", "0000000000004711", kna1)).envelope().messageId();
        String other = readOne(debmas("DEBMAS06", "DEBMAS", "0000000000004712", kna1)).envelope().messageId();
        assertThat(resent).isEqualTo(first).matches("[0-9a-f-]{36}");
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void debmasWithTheDeletionFlagBecomesADelete() throws IOException {
        ErpDocument document = readOne(resource("debmas06-customer.xml").replace("<KTOKD>", "<LOEVM>X</LOEVM><KTOKD>"));
        assertThat(document.envelope().operation().name()).isEqualTo("DELETE");
        assertThat(document.envelope().body()).isEqualTo(CanonicalJson.read("{\"customerNumber\":\"100234\"}"));
    }

    @Test
    void invoic02BecomesACanonicalInvoice() throws IOException {
        ErpDocument document = readOne(resource("invoic02-invoice.xml"));
        assertThat(document.flow()).isEqualTo("invoices");
        assertThat(document.envelope().type().id()).isEqualTo("invoice");
        assertThat(document.envelope().key()).isEqualTo("0090004711");
        assertThat(document.envelope().occurredAt()).hasToString("2026-11-21T08:30:00Z");
        assertThat(wire(document)).isEqualTo(CanonicalJson.read("""
                {"invoiceNumber":"0090004711","typeCode":"380","customerNumber":"100234","issueDate":"2026-11-21",
                 "dueDate":"2026-12-21","currency":"EUR","references":{"orderReference":"4500012345"},
                 "billTo":{"kind":"unknown","company":"Beispiel Maschinenbau GmbH","contactName":"Erika Musterfrau",
                           "address":{"street":"Industriestr. 5","postalCode":"33602","city":"Bielefeld","country":"DE"}},
                 "lines":[
                   {"position":10,"lineId":"10","partNumber":"SP-4711","description":"Spindellager","quantity":2.000,
                    "unitCode":"ST","unitPrice":120.50,"net":241.00},
                   {"position":20,"lineId":"20","partNumber":"SR-100","description":"Dichtring","quantity":100.000,
                    "unitCode":"ST","unitPrice":35.00,"baseQuantity":100,"baseQuantityUnitCode":"ST","net":35.00},
                   {"position":30,"lineId":"30","partNumber":"SVC-HOUR","description":"Servicestunde","quantity":3.500,
                    "unitCode":"H","unitPrice":95.00,"net":332.50}],
                 "totals":{"lineTotal":608.50,"taxExclusive":608.50,"tax":115.62,"taxInclusive":724.12,"amountDue":724.12},
                 "payment":{"terms":"ZB30","accounts":[
                   {"iban":"DE02120300000000202051","name":"Werkzeugmaschinen Hersteller AG","bic":"COBADEFFXXX"}]}}"""));
    }

    @Test
    void invoic02CreditMemoIsACreditNoteAndItsAmountsAreReconciled() throws IOException {
        String memo = resource("invoic02-invoice.xml").replace("<BSART>INVO</BSART>", "<BSART>CRME</BSART>");
        assertThat(readOne(memo).envelope().body().path("typeCode").asText()).isEqualTo("381");
        assertRefused(resource("invoic02-invoice.xml").replace("<NETWR>241.00</NETWR>", "<NETWR>242.00</NETWR>"),
                "the invoice breaks EN 16931 rule BR-CO-10: BT-106 sum of line net amounts is 608.50 but the sum of the"
                        + " lines (BT-131) is 609.50");
    }

    @Test
    void theMessageIdOfAnIdocFollowsFromItsSenderAndNumber() throws IOException {
        String xml = resource("debmas06-customer.xml");
        String idoc = xml.substring(xml.indexOf("<IDOC"), xml.indexOf("</DEBMAS06>"));
        String two = xml.replace("</DEBMAS06>", idoc.replace("0000100234", "0000100235")
                .replace("0000000004711001", "0000000004711002") + "</DEBMAS06>");
        List<String> first = read(two, Set.of(Format.IDOC)).stream().map(d -> d.envelope().messageId()).toList();
        List<String> again = read(two, Set.of(Format.IDOC)).stream().map(d -> d.envelope().messageId()).toList();
        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
        assertThat(readOne(xml.replace("0000000004711001", "0000000004711009")).envelope().messageId())
                .isNotIn(first);
        assertThat(readOne(resource("invoic02-invoice.xml")).envelope().messageId())
                .isEqualTo(readOne(resource("invoic02-invoice.xml")).envelope().messageId());
    }

    @Test
    void invoiceTotalsWithoutTaxTakeItFromGrossAndNet() throws IOException {
        String xml = resource("invoic02-invoice.xml").replace("<SUMID>005</SUMID>", "<SUMID>099</SUMID>");
        JsonNode totals = readOne(xml).envelope().body().path("totals");
        assertThat(totals.path("tax").decimalValue()).isEqualByComparingTo("115.62");
    }

    @Test
    void ublInvoiceBecomesACanonicalInvoice() throws IOException {
        ErpDocument document = readOne(resource("ubl-invoice.xml"));
        assertThat(document.flow()).isEqualTo("invoices");
        assertThat(document.envelope().key()).isEqualTo("RE-2026-0815");
        assertThat(wire(document)).isEqualTo(CanonicalJson.read("""
                {"invoiceNumber":"RE-2026-0815","typeCode":"380","customerNumber":"100234","issueDate":"2026-11-22",
                 "dueDate":"2026-12-22","currency":"EUR","references":{"buyerReference":"04011000-12345-34"},
                 "billTo":{"kind":"unknown","company":"Beispiel Maschinenbau GmbH","contactName":"Erika Musterfrau",
                           "email":"erika.musterfrau@example.com","phone":"+49 521 5550 1234","vatId":"DE123456789",
                           "address":{"street":"Industriestr. 5","postalCode":"33602","city":"Bielefeld","country":"DE"}},
                 "lines":[
                   {"position":1,"lineId":"1","partNumber":"KF-200","description":"Kühlmittelfilter","quantity":4,"unitCode":"H87",
                    "unitPrice":50.00,"net":200.00,"vatCategory":"S","vatRate":19},
                   {"position":2,"lineId":"2","partNumber":"WP-1","description":"Wartungspauschale","quantity":1,"unitCode":"HUR",
                    "unitPrice":100.00,"net":100.00,"vatCategory":"S","vatRate":19}],
                 "vatBreakdown":[{"category":"S","rate":19,"taxableAmount":300.00,"taxAmount":57.00}],
                 "totals":{"lineTotal":300.00,"taxExclusive":300.00,"tax":57.00,"taxInclusive":357.00,"amountDue":357.00},
                 "payment":{"meansCode":"58","remittance":"RE-2026-0815","terms":"Zahlbar innerhalb 30 Tagen netto",
                   "accounts":[{"iban":"DE02120300000000202051","name":"Werkzeugmaschinen Hersteller AG","bic":"BYLADEM1001"}]}}"""));
    }

    @Test
    void ublCreditNoteBecomesACanonicalInvoiceOfType381WithItsPrecedingInvoice() throws IOException {
        JsonNode body = wire(readOne(UblCreditNotes.of(resource("ubl-invoice.xml"))));
        assertThat(body.path("invoiceNumber").asText()).isEqualTo("GS-2026-0042");
        assertThat(body.path("typeCode").asText()).isEqualTo("381");
        assertThat(body.path("dueDate").asText()).isEqualTo("2026-12-01");
        assertThat(body.path("precedingInvoices")).isEqualTo(CanonicalJson.read(
                "[{\"number\":\"RE-2026-0815\",\"issueDate\":\"2026-11-22\"}]"));
        assertThat(body.path("lines")).extracting(l -> l.path("quantity").decimalValue().toPlainString() + " "
                + l.path("unitCode").asText()).containsExactly("4 H87", "1 HUR");
        assertThat(body.path("totals").path("amountDue").decimalValue()).isEqualByComparingTo("357.00");
    }

    @Test
    void aCorrectedInvoiceIsToldApartFromTheInvoiceItCorrects() throws IOException {
        String corrected = resource("ubl-invoice.xml").replace("<cbc:InvoiceTypeCode>380", "<cbc:InvoiceTypeCode>384");
        ErpDocument original = readOne(resource("ubl-invoice.xml"));
        ErpDocument correction = readOne(corrected);
        assertThat(wire(correction).path("typeCode").asText()).isEqualTo("384");
        assertThat(correction.envelope().messageId()).isNotEqualTo(original.envelope().messageId());
        assertThat(readOne(resource("ubl-invoice.xml")).envelope().messageId()).isEqualTo(original.envelope().messageId());
    }

    @Test
    void severalIdocsInOneFileBecomeSeveralMessages() throws IOException {
        String xml = resource("debmas06-customer.xml");
        String idoc = xml.substring(xml.indexOf("<IDOC"), xml.indexOf("</DEBMAS06>"));
        String two = xml.replace("</DEBMAS06>", idoc.replace("0000100234", "0000100235") + "</DEBMAS06>");
        assertThat(read(two, Set.of(Format.IDOC))).extracting(d -> d.envelope().key()).containsExactly("100234", "100235");
    }

    @Test
    void badDocumentsAreRefusedWithTheRuleAndNeverTheValue() {
        assertRefused("Erika Musterfrau, kein XML", "not well-formed XML at line 1");
        assertRefused(resource("invoic02-invoice.xml").replace("</INVOIC02>", ""), "not well-formed XML");
        assertRefused(resource("invoic02-invoice.xml").replace("INVOIC02", "ORDERS05"), "wrong IDoc type ORDERS05");
        assertRefused(resource("debmas06-customer.xml").replace("E1KNA1M", "E1KNA1X"), "mandatory segment E1KNA1M");
        assertRefused(resource("debmas06-customer.xml").replace("<EDI_DC40", "<EDI_DC4X").replace("</EDI_DC40", "</EDI_DC4X"),
                "mandatory segment EDI_DC40");
        assertRefused(resource("invoic02-invoice.xml").replace("<SUMID>011</SUMID>", "<SUMID>099</SUMID>"),
                "mandatory segment E1EDS01 with SUMID 011");
        assertRefused(resource("invoic02-invoice.xml").replace("<PARVW>AG</PARVW>", "<PARVW>WE</PARVW>")
                .replace("<PARVW>RE</PARVW>", "<PARVW>WE</PARVW>"), "mandatory segment E1EDKA1");
        assertRefused(resource("invoic02-invoice.xml").replace("<MENGE>2.000</MENGE>", "<MENGE>zwei</MENGE>"),
                "E1EDP01[1].MENGE is not a decimal number");
        assertRefused(resource("ubl-invoice.xml").replace("<cbc:IssueDate>2026-11-22", "<cbc:IssueDate>22.11.2026"),
                "cbc:IssueDate is not a date");
        assertRefused(resource("ubl-invoice.xml").replace("AccountingCustomerParty", "AccountingCustomerPartyX"),
                "mandatory element cac:AccountingCustomerParty");
        assertRefused("<Invoice xmlns=\"urn:example:other\"/>", "unknown document");
    }

    @Test
    void documentsWithADtdAreRefusedBeforeAnyEntityIsExpanded() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE INVOIC02 [
                 <!ENTITY lol "lol">
                 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <INVOIC02><IDOC BEGIN="1"><E1EDK01><CURCY>&lol9;</CURCY></E1EDK01></IDOC></INVOIC02>""";
        assertRefused(laughs, "a DTD (DOCTYPE) is present");
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "a DTD (DOCTYPE) is present");
    }

    @Test
    void eachEndpointTakesOnlyItsFormat() {
        assertThatThrownBy(() -> read(resource("ubl-invoice.xml"), Set.of(Format.IDOC)))
                .isInstanceOf(InvalidErpDocumentException.class)
                .hasMessageContaining("wrong document type: a UBL 2.1 Invoice or CreditNote is not accepted here; expected IDoc XML");
        assertThatThrownBy(() -> read(resource("invoic02-invoice.xml"), Set.of(Format.UBL)))
                .isInstanceOf(InvalidErpDocumentException.class)
                .hasMessageContaining("expected a UBL 2.1 Invoice or CreditNote");
    }

    /** The body as it goes over the wire (JSON text read back), so amounts compare as the portal reads them. */
    private static JsonNode wire(ErpDocument document) {
        String json = CanonicalJson.write(document.envelope().body());
        assertThat(json).doesNotContain("E+");
        return CanonicalJson.read(json);
    }

    private static void assertRefused(String xml, String expected) {
        assertThatThrownBy(() -> read(xml, EnumSet.allOf(Format.class)))
                .isInstanceOf(InvalidErpDocumentException.class)
                .hasMessageContaining(expected)
                .message().doesNotContain("Erika").doesNotContain("Musterfrau").doesNotContain("zwei").doesNotContain("22.11.2026");
    }
}

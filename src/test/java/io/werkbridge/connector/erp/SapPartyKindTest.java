package io.werkbridge.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.connector.erp.ErpXmlDocuments.Format;
import io.werkbridge.connector.erp.idoc.IdocProperties;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.CanonicalValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DEBMAS and INVOIC02 say whether the customer is a natural person: KNA1-STKZN, the form of address ANRED (text or
 * TSAD3 key) and, where the operator lists it, the account group KTOKD. The IDocs are the shipped DEBMAS06/INVOIC02
 * samples with the customer's general data changed as SAP writes a sole trader's.
 */
class SapPartyKindTest {

    private static final String DEBMAS = ErpXmlMappingTest.resource("debmas06-customer.xml");
    private static final String INVOIC = ErpXmlMappingTest.resource("invoic02-invoice.xml");

    private static JsonNode body(String xml, List<String> personAccountGroups) throws IOException {
        ErpXmlDocuments documents = new ErpXmlDocuments(new CanonicalValidator(), null, new IdocProperties(personAccountGroups));
        List<ErpDocument> read = documents.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), EnumSet.allOf(Format.class));
        assertThat(read).hasSize(1);
        return CanonicalJson.read(CanonicalJson.write(read.get(0).envelope())).path("body");
    }

    /** The sample's general data (E1KNA1M, before its contact persons) with {@code fields} in place of its name. */
    private static String debmas(String fields) {
        return DEBMAS.replace("      <NAME1>Beispiel Maschinenbau</NAME1>\n      <NAME2>GmbH</NAME2>\n", fields);
    }

    @Test
    void aSoleTraderWithAPersonsFormOfAddressAndNameIsAPerson() throws IOException {
        JsonNode company = body(debmas("""
                      <ANRED>Herr</ANRED>
                      <NAME1>Jonas Quellmalz</NAME1>
                      <NAME2>Zerspanungstechnik</NAME2>
                """), List.of()).path("company");

        assertThat(company.path("kind").asText()).isEqualTo("person");
        assertThat(company.path("name").asText()).isEqualTo("Jonas Quellmalz Zerspanungstechnik");
        assertThat(company.path("vatId").asText()).isEqualTo("DE123456789");
        assertThat(company.path("address").path("street").asText()).isEqualTo("Industriestr. 5");
    }

    @Test
    void aCompanyFormOfAddressIsAnOrganizationAndTheContactsFormsOfAddressDoNotCount() throws IOException {
        JsonNode body = body(debmas("""
                      <ANRED>Firma</ANRED>
                      <NAME1>Beispiel Maschinenbau</NAME1>
                      <NAME2>GmbH</NAME2>
                """), List.of());

        assertThat(body.path("company").path("kind").asText()).isEqualTo("organization");
        assertThat(body.path("company").path("name").asText()).isEqualTo("Beispiel Maschinenbau GmbH");
        assertThat(body.path("contacts")).hasSize(2); // their ANRED Frau and Herr are the contacts', not the customer's
    }

    @Test
    void noHintAtAllIsUnknownEvenWithAPersonsNameOrALegalPersonsBlankIndicator() throws IOException {
        assertThat(body(DEBMAS, List.of()).path("company").path("kind").asText()).isEqualTo("unknown");
        assertThat(body(debmas("""
                      <NAME1>Jonas Quellmalz</NAME1>
                      <STKZN></STKZN>
                """), List.of()).path("company").path("kind").asText()).isEqualTo("unknown");
    }

    @Test
    void everyFormOfAddressOfTheStandardTablesInTextOrKey() throws IOException {
        for (String person : List.of("Herr", "Frau", "Mr.", "Ms.", "Mrs.", "Mr. and Mrs.", "Herr und Frau", "0001", "0002", "0004", " MR ")) {
            assertThat(body(debmas("<ANRED>" + person + "</ANRED><NAME1>Jonas Quellmalz</NAME1>\n"), List.of())
                    .path("company").path("kind").asText()).as(person).isEqualTo("person");
        }
        for (String company : List.of("Firma", "Company", "Company.", "0003", "FIRMA")) {
            assertThat(body(debmas("<ANRED>" + company + "</ANRED><NAME1>Beispiel Maschinenbau GmbH</NAME1>\n"), List.of())
                    .path("company").path("kind").asText()).as(company).isEqualTo("organization");
        }
        assertThat(body(debmas("<ANRED>Dr.</ANRED><NAME1>Jonas Quellmalz</NAME1>\n"), List.of())
                .path("company").path("kind").asText()).as("an academic title alone").isEqualTo("unknown");
    }

    @Test
    void theNaturalPersonIndicatorAndAConfiguredAccountGroupMakeAPersonEvenAgainstACompanyForm() throws IOException {
        assertThat(body(debmas("<ANRED>Firma</ANRED><NAME1>Jonas Quellmalz</NAME1><STKZN>X</STKZN>\n"), List.of())
                .path("company").path("kind").asText()).isEqualTo("person");
        String privateGroup = debmas("<NAME1>Jonas Quellmalz</NAME1>\n").replace("<KTOKD>0001</KTOKD>", "<KTOKD>ZPRV</KTOKD>");
        assertThat(body(privateGroup, List.of("zprv")).path("company").path("kind").asText()).isEqualTo("person");
        assertThat(body(privateGroup, List.of()).path("company").path("kind").asText())
                .as("an account group nobody declared says nothing").isEqualTo("unknown");
    }

    @Test
    void anInvoicesBillToPartnerWithAPersonsFormOfAddressIsAPerson() throws IOException {
        String person = INVOIC.replace("      <PARVW>RE</PARVW>\n      <PARTN>0000100234</PARTN>\n      <NAME1>Beispiel Maschinenbau</NAME1>\n      <NAME2>GmbH</NAME2>\n",
                "      <PARVW>RE</PARVW>\n      <PARTN>0000100234</PARTN>\n      <ANRED>Mr.</ANRED>\n      <NAME1>Jonas Quellmalz</NAME1>\n");
        assertThat(person).isNotEqualTo(INVOIC);
        JsonNode billTo = body(person, List.of()).path("billTo");
        assertThat(billTo.path("kind").asText()).isEqualTo("person");
        assertThat(billTo.path("company").asText()).isEqualTo("Jonas Quellmalz");
        assertThat(body(INVOIC.replace("<PARVW>RE</PARVW>", "<PARVW>RE</PARVW><ANRED>Company</ANRED>"), List.of())
                .path("billTo").path("kind").asText()).isEqualTo("organization");
    }
}

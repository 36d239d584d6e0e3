package io.werkbridge.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import java.time.Instant;

/**
 * Demo and tests: synthetic {@code A_BusinessPartner} entities as API_BUSINESS_PARTNER (OData V2) returns them with
 * {@code $expand=to_BusinessPartnerAddress/to_EmailAddress,…/to_PhoneNumber,to_Customer,to_BusinessPartnerBank,
 * to_BusinessPartnerTax}: field names and value forms from SAP's API reference ({@code /Date(ms)/}, {@code PT..H..M..S},
 * CHAR fields as strings, empty as ""). Number n: every fifth an organisation, the others natural persons.
 */
public final class S4ODataPartners {

    /** 2026-11-30T00:00:00Z, the LastChangeDate of every sample partner. */
    public static final long CHANGE_DAY_MS = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();

    private S4ODataPartners() {
    }

    public static String key(int n) {
        return String.format("%010d", n);
    }

    public static boolean isOrganization(int n) {
        return n % 5 == 0;
    }

    public static ObjectNode partner(String serviceUrl, int n, boolean blocked, String changeTime) {
        String key = key(n);
        boolean org = isOrganization(n);
        ObjectNode bp = CanonicalJson.mapper().createObjectNode();
        bp.putObject("__metadata").put("id", serviceUrl + "/A_BusinessPartner('" + key + "')")
                .put("uri", serviceUrl + "/A_BusinessPartner('" + key + "')")
                .put("type", "API_BUSINESS_PARTNER.A_BusinessPartnerType")
                .put("etag", "W/\"datetime'2026-11-30T" + changeTime.substring(2, 4) + "%3A00%3A00'\"");
        bp.put("BusinessPartner", key).put("Customer", key).put("Supplier", "")
                .put("AcademicTitle", "").put("BusinessPartnerCategory", org ? "2" : "1")
                .put("BusinessPartnerFullName", org ? "Synthwerk " + n + " GmbH" : "Vorname" + n + " Nachname" + n)
                .put("BusinessPartnerGrouping", "BP02")
                .put("CreationDate", "/Date(1735689600000)/").put("CreationTime", "PT08H30M00S")
                .put("FirstName", org ? "" : "Vorname" + n).put("LastName", org ? "" : "Nachname" + n)
                .put("FormOfAddress", org ? "0003" : "0002")
                .put("IsNaturalPerson", org ? "" : "X")
                .put("OrganizationBPName1", org ? "Synthwerk " + n : "").put("OrganizationBPName2", org ? "GmbH" : "")
                .put("LastChangeDate", "/Date(" + CHANGE_DAY_MS + ")/").put("LastChangeTime", changeTime)
                .put("BusinessPartnerIsBlocked", blocked).put("IsMarkedForArchiving", false)
                .put("ETag", "20261130100000");
        ObjectNode address = CanonicalJson.mapper().createObjectNode().put("BusinessPartner", key).put("AddressID", "2" + n)
                .put("CityName", "Stadt" + n).put("Country", "DE").put("PostalCode", String.format("%05d", 10000 + n))
                .put("StreetName", "Werkstr.").put("HouseNumber", String.valueOf(n)).put("Region", "");
        ArrayNode emails = address.putObject("to_EmailAddress").putArray("results");
        emails.addObject().put("AddressID", "2" + n).put("Person", "").put("OrdinalNumber", "1")
                .put("IsDefaultEmailAddress", false).put("EmailAddress", "alt" + n + "@example.com");
        emails.addObject().put("AddressID", "2" + n).put("Person", "").put("OrdinalNumber", "2")
                .put("IsDefaultEmailAddress", true).put("EmailAddress", "bp" + n + "@example.com");
        ArrayNode phones = address.putObject("to_PhoneNumber").putArray("results");
        phones.addObject().put("AddressID", "2" + n).put("OrdinalNumber", "1").put("DestinationLocationCountry", "DE")
                .put("IsDefaultPhoneNumber", true).put("PhoneNumber", "030 5550" + n).put("PhoneNumberExtension", "")
                .put("InternationalPhoneNumber", "+49 30 5550" + n).put("PhoneNumberType", "1");
        phones.addObject().put("AddressID", "2" + n).put("OrdinalNumber", "2").put("DestinationLocationCountry", "DE")
                .put("IsDefaultPhoneNumber", false).put("PhoneNumber", "030 6660" + n).put("PhoneNumberExtension", "")
                .put("InternationalPhoneNumber", "+49 30 6660" + n).put("PhoneNumberType", "1");
        bp.putObject("to_BusinessPartnerAddress").putArray("results").add(address);
        bp.putObject("to_Customer").put("Customer", key).put("CustomerAccountGroup", "CUST")
                .put("CustomerFullName", bp.path("BusinessPartnerFullName").asText()).put("DeletionIndicator", false)
                .put("OrderIsBlockedForCustomer", "").put("PostingIsBlocked", false);
        ArrayNode banks = bp.putObject("to_BusinessPartnerBank").putArray("results");
        if (org) {
            banks.addObject().put("BusinessPartner", key).put("BankIdentification", "0001").put("BankCountryKey", "DE")
                    .put("BankName", "Synthbank").put("BankNumber", "37040044").put("SWIFTCode", "COBADEFFXXX")
                    .put("BankAccountHolderName", "Synthwerk " + n + " GmbH").put("IBAN", iban(n)).put("BankAccount", "");
        }
        ArrayNode taxes = bp.putObject("to_BusinessPartnerTax").putArray("results");
        if (org) {
            taxes.addObject().put("BusinessPartner", key).put("BPTaxType", "DE0").put("BPTaxNumber", "DE" + (100000000 + n));
            taxes.addObject().put("BusinessPartner", key).put("BPTaxType", "DE2").put("BPTaxNumber", "2" + n);
        }
        return bp;
    }

    /** A synthetic 22-character German IBAN (not check-digit valid; the hub does not check them). */
    public static String iban(int n) {
        return "DE89" + String.format("%018d", 370400440000000000L + n);
    }

    /** {@code {"d":{"results":[…],"__next":…}}} */
    public static String page(String serviceUrl, int from, int to, int blocked, String changeTime, String next) {
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        ObjectNode d = answer.putObject("d");
        ArrayNode results = d.putArray("results");
        for (int n = from; n <= to; n++) {
            results.add(partner(serviceUrl, n, n == blocked, changeTime));
        }
        if (next != null) {
            d.put("__next", next);
        }
        return CanonicalJson.write(answer);
    }
}

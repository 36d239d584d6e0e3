package io.werkbridge.connector.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import org.junit.jupiter.api.Test;

/** The mapping of a filtered canonical customer to the Shopware-like customer. Synthetic data. */
class ShopwareCustomersTest {

    @Test
    void mapsWhatTheGateDeliveredAndNothingElse() {
        JsonNode body = CanonicalJson.read("""
                {"customerNumber":"T-100","company":{"name":"Synth GmbH","vatId":"DE000000001",
                  "address":{"street":"Testweg 1","postalCode":"12345","city":"Teststadt","country":"DE"}},
                 "contacts":[{"id":"ab12","firstName":"Vera","lastName":"Probe","email":"vera@example.com",
                              "phone":"********0042","function":"Einkauf"},
                             {"firstName":"Second","lastName":"Contact"}],
                 "paymentTerms":"14 Tage"}""");

        assertThat(ShopwareCustomers.customer(body)).isEqualTo(CanonicalJson.read("""
                {"customerNumber":"T-100","company":"Synth GmbH","vatIds":["DE000000001"],
                 "firstName":"Vera","lastName":"Probe","email":"vera@example.com",
                 "defaultBillingAddress":{"company":"Synth GmbH","firstName":"Vera","lastName":"Probe",
                   "street":"Testweg 1","zipcode":"12345","city":"Teststadt","countryIso":"DE",
                   "phoneNumber":"********0042","id":"%s"},
                 "customFields":{"werkbridge_contact_ref":"ab12","werkbridge_contact_function":"Einkauf",
                   "werkbridge_payment_terms":"14 Tage"}}""".formatted(ShopwareCustomers.billingAddressId("T-100"))));
    }

    @Test
    void fieldsTheGateDroppedStayAbsent() {
        JsonNode body = CanonicalJson.read("{\"customerNumber\":\"T-101\",\"contacts\":[{\"email\":\"x@example.com\"}]}");
        assertThat(ShopwareCustomers.customer(body)).isEqualTo(
                CanonicalJson.read("{\"customerNumber\":\"T-101\",\"email\":\"x@example.com\"}"));
    }

    @Test
    void contactAddressStandsInWhenTheCompanyHasNone() {
        JsonNode body = CanonicalJson.read("""
                {"customerNumber":"T-102","contacts":[{"businessAddress":{"city":"Nebenort","country":"AT"}}]}""");
        assertThat(ShopwareCustomers.customer(body).path("defaultBillingAddress").path("city").asText()).isEqualTo("Nebenort");
    }

    @Test
    void idsAreStablePerCustomerAndLookLikeShopwareIds() {
        assertThat(ShopwareCustomers.customerId("T-1")).matches("[0-9a-f]{32}")
                .isEqualTo(ShopwareCustomers.customerId("T-1"))
                .isNotEqualTo(ShopwareCustomers.customerId("T-2"))
                .isNotEqualTo(ShopwareCustomers.billingAddressId("T-1"));
    }
}

package io.werkbridge.connector.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The filtered canonical customer as a Shopware-like customer: the company and its address, the first contact as
 * the customer's person (a shop customer is one person), the rest in {@code customFields}. Knows the format only:
 * a field the privacy gate did not deliver is simply absent, and nothing else is added.
 *
 * <p>Ids are derived from the customer number (name-based UUID, 32 hex digits as Shopware writes them), so the hub
 * needs no lookup and no stored mapping: the same customer always has the same shop id and billing address id.
 */
public final class ShopwareCustomers {

    private ShopwareCustomers() {
    }

    /** The shop's id of a customer. */
    public static String customerId(String customerNumber) {
        return id("werkbridge:customer:" + customerNumber);
    }

    /** The id of the customer's default billing address. */
    public static String billingAddressId(String customerNumber) {
        return id("werkbridge:customer-address:" + customerNumber);
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    /** @param body the body of a filtered canonical customer (an object) */
    public static ObjectNode customer(JsonNode body) {
        ObjectNode out = CanonicalJson.mapper().createObjectNode();
        text(out, "customerNumber", body.path("customerNumber"));
        return fields(body, out);
    }

    /**
     * A partial update: only what the canonical patch carries, in the same places as {@link #customer}; the customer
     * number is the shop id already (in the URL) and is not repeated. The billing address keeps its id, which the
     * shop needs to know which address the change is for.
     */
    public static ObjectNode customerPatch(JsonNode body) {
        return fields(body, CanonicalJson.mapper().createObjectNode());
    }

    private static ObjectNode fields(JsonNode body, ObjectNode out) {
        JsonNode company = body.path("company");
        JsonNode contact = body.path("contacts").path(0);
        text(out, "company", company.path("name"));
        if (hasText(company.path("vatId"))) {
            out.putArray("vatIds").add(company.path("vatId").asText());
        }
        text(out, "title", contact.path("title"));
        text(out, "firstName", contact.path("firstName"));
        text(out, "lastName", contact.path("lastName"));
        text(out, "email", contact.path("email"));

        ObjectNode address = CanonicalJson.mapper().createObjectNode();
        JsonNode postal = company.path("address").isObject() ? company.path("address") : contact.path("businessAddress");
        text(address, "company", company.path("name"));
        text(address, "firstName", contact.path("firstName"));
        text(address, "lastName", contact.path("lastName"));
        text(address, "street", postal.path("street"));
        text(address, "zipcode", postal.path("postalCode"));
        text(address, "city", postal.path("city"));
        text(address, "countryIso", postal.path("country"));
        text(address, "phoneNumber", hasText(contact.path("phone")) ? contact.path("phone") : company.path("phone"));
        if (!address.isEmpty() && hasText(body.path("customerNumber"))) {
            out.set("defaultBillingAddress", address.put("id", billingAddressId(body.path("customerNumber").asText())));
        }

        ObjectNode custom = CanonicalJson.mapper().createObjectNode();
        text(custom, "werkbridge_contact_ref", contact.path("id"));
        text(custom, "werkbridge_contact_function", contact.path("function"));
        text(custom, "werkbridge_payment_terms", body.path("paymentTerms"));
        if (!custom.isEmpty()) {
            out.set("customFields", custom);
        }
        return out;
    }

    private static void text(ObjectNode target, String name, JsonNode value) {
        if (hasText(value)) {
            target.put(name, value.asText());
        }
    }

    private static boolean hasText(JsonNode value) {
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank();
    }
}

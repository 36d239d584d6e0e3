package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint called as every client and as nobody: an allowed client gets past security (whatever the
 * endpoint then says about the dummy input), any other client gets 403, nobody gets 401, public endpoints answer all.
 */
class AuthorizationMatrixTest extends HubTestSupport {

    private static final List<String> CLIENTS = List.of("erp", "shop", "portal", "operator", "dpo");
    private static final Set<String> PUBLIC = Set.of();

    private record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/services/erp", SoapRequests.envelope("<c:deleteCustomer/>"), Set.of("erp")),
            new Endpoint("GET", "/services/erp?wsdl", null, PUBLIC),
            new Endpoint("POST", "/services/erp-documents", SoapRequests.envelope("<c:publishInvoice/>"), Set.of("erp")),
            new Endpoint("GET", "/services/erp-documents?wsdl", null, PUBLIC),
            new Endpoint("POST", "/api/v1/erp/idoc", "<INVOIC02/>", Set.of("erp")),
            new Endpoint("POST", "/api/v1/erp/ubl", "<Invoice/>", Set.of("erp")),
            new Endpoint("GET", "/actuator/health", null, PUBLIC),
            new Endpoint("GET", "/actuator/prometheus", null, Set.of("operator")),
            new Endpoint("GET", "/api/v1/openapi/shop/openapi.yaml", null, PUBLIC),
            new Endpoint("POST", "/api/v1/shop/orders", "{}", Set.of("shop")),
            new Endpoint("POST", "/api/v1/shop/webhooks/orders", "{}", Set.of("shop")),
            new Endpoint("GET", "/api/v1/shop/customers/" + ErpServiceStubs.CUSTOMER_NUMBER, null, Set.of("shop")),
            new Endpoint("POST", "/api/v1/portal/service-tickets", "{}", Set.of("portal")),
            new Endpoint("GET", "/api/v1/holds/customer-master/shop", null, Set.of("operator", "dpo")),
            new Endpoint("POST", "/api/v1/holds/customer-master/shop/discard?messageId=00000000-0000-0000-0000-000000000000&reason=x", null, Set.of("operator", "dpo")),
            new Endpoint("GET", "/api/v1/operations/parked/expired", null, Set.of("operator")),
            new Endpoint("GET", "/api/v1/operations/destinations", null, Set.of("operator")),
            new Endpoint("GET", "/api/v1/operations/parked/decisions/00000000-0000-0000-0000-000000000000", null, Set.of("operator")),
            new Endpoint("GET", "/api/v1/machines", null, Set.of("operator", "dpo")),
            new Endpoint("POST", "/api/v1/machines/no-such-machine/serial-diagnostics", null, Set.of("operator", "dpo")),
            new Endpoint("POST", "/api/v1/machines/no-such-machine/nc-programs", "{\"program\":\"O1\"}", Set.of("operator", "dpo")),
            new Endpoint("GET", "/api/v1/machines/no-such-machine/nc-programs/no-such-transfer", null, Set.of("operator", "dpo")),
            new Endpoint("GET", "/api/v1/privacy/processors", null, Set.of("operator", "dpo")),
            new Endpoint("GET", "/api/v1/privacy/destinations?format=csv", null, Set.of("operator", "dpo")),
            new Endpoint("GET", "/api/v1/privacy/policy", null, Set.of("operator", "dpo")),
            new Endpoint("POST", "/api/v1/privacy/preview?destination=shop", "{}", Set.of("operator", "dpo")),
            new Endpoint("POST", "/api/v1/privacy/detokenize", "{}", Set.of("dpo")),
            new Endpoint("GET", "/api/v1/audit/disclosures", null, Set.of("dpo")),
            new Endpoint("GET", "/api/v1/audit/verify", null, Set.of("operator", "dpo")),
            new Endpoint("GET", "/api/v1/rights/requests", null, Set.of("dpo")),
            new Endpoint("POST", "/api/v1/rights/requests", "{}", Set.of("dpo")),
            new Endpoint("POST", "/api/v1/retention/run?dryRun=true", null, Set.of("dpo")));

    @Test
    void everyEndpointAsEveryClientAndAsNobody() throws Exception {
        HttpCalls http = new HttpCalls(port);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            boolean open = endpoint.allowed().isEmpty();
            check(wrong, endpoint, "nobody", http.send(endpoint.method(), endpoint.path(), endpoint.body(), null).statusCode(), open ? null : 401);
            for (String client : CLIENTS) {
                int status = http.send(endpoint.method(), endpoint.path(), endpoint.body(), client).statusCode();
                check(wrong, endpoint, client, status, open || endpoint.allowed().contains(client) ? null : 403);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** @param expected 401 or 403, or null for "let through" (any status but 401 and 403) */
    private static void check(List<String> wrong, Endpoint endpoint, String client, int status, Integer expected) {
        boolean ok = expected == null ? status != 401 && status != 403 : status == expected;
        if (!ok) {
            wrong.add(endpoint.method() + " " + endpoint.path() + " as " + client + ": " + status + ", expected "
                    + (expected == null ? "to pass security" : expected));
        }
    }
}

package io.werkbridge.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;

/** A small synthetic customer envelope for gate tests. */
final class FailClosedTestData {

    private FailClosedTestData() {
    }

    static ObjectNode customer() {
        return (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d","type":"customer","key":"100234","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"erp",
                 "body":{"customerNumber":"100234","company":{"name":"Synth AG"},
                   "contacts":[{"id":"K-1","firstName":"Max","lastName":"Beispiel","email":"max@example.com"}]}}""");
    }
}

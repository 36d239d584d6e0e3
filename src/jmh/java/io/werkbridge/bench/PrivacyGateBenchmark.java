package io.werkbridge.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.gate.PrivacyGate;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.PolicyLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The privacy gate on a customer record of about 2 KB against the baseline of Jackson reading and writing the same
 * record. Both include parsing the JSON text and writing the result, as the gate does in a route.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PrivacyGateBenchmark {

    private String record;
    private ObjectNode parsed;
    private PrivacyGate gate;

    @Setup
    public void setUp() {
        gate = new PrivacyGate(new PolicyLoader(new DefaultResourceLoader()).load("classpath:config/privacy/"),
                new ValueOperators("benchmark-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8)));
        StringBuilder contacts = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            contacts.append(i == 0 ? "" : ",").append("""
                    {"id":"K-%d","title":"Dr.","firstName":"Vorname%d","lastName":"Nachname%d","email":"kontakt%d@example.com",
                     "phone":"+49 521 555 10%d","function":"Einkauf","representationAuthority":true,
                     "businessAddress":{"street":"Werkstr. %d","postalCode":"33602","city":"Bielefeld","country":"DE"}}""".formatted(i, i, i, i, i, i));
        }
        record = """
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d","type":"customer","key":"100234","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"erp",
                 "body":{"customerNumber":"100234",
                   "company":{"name":"Beispiel Maschinenbau GmbH","vatId":"DE123456789",
                              "address":{"street":"Industriestr. 5","postalCode":"33602","city":"Bielefeld","country":"DE"}},
                   "contacts":[%s],
                   "bankAccounts":[{"iban":"DE89370400440532013000","bic":"COBADEFFXXX","holder":"Beispiel Maschinenbau GmbH"}],
                   "paymentTerms":"30 Tage netto","contract":{"number":"SV-2026-001","start":"2026-01-01","end":"2027-12-31"},
                   "remarks":"Anlieferung nur werktags zwischen 7 und 15 Uhr, Tor 3."}}""".formatted(contacts);
        parsed = (ObjectNode) CanonicalJson.read(record);
        if (record.length() < 1800 || record.length() > 2600) {
            throw new IllegalStateException("benchmark record should be about 2 KB, is " + record.length());
        }
    }

    @Benchmark
    public String jacksonReadWrite() {
        JsonNode tree = CanonicalJson.read(record);
        return CanonicalJson.write(tree);
    }

    /**
     * Jackson's streaming read and write of the same record, token by token, without a tree: what a gate that never
     * builds a tree could at best cost.
     */
    @Benchmark
    public String jacksonStreamCopy() throws IOException {
        StringWriter out = new StringWriter(record.length());
        try (JsonParser parser = CanonicalJson.mapper().getFactory().createParser(record);
             JsonGenerator generator = CanonicalJson.mapper().getFactory().createGenerator(out)) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    @Benchmark
    public String gateShop() {
        return CanonicalJson.write(gate.filter("shop", (ObjectNode) CanonicalJson.read(record)).filtered());
    }

    /** The gate's filtering step alone, plus the tree copy it needs because it filters in place (see {@link #treeCopy}). */
    @Benchmark
    public ObjectNode gateShopOnTree() {
        return gate.filter("shop", parsed.deepCopy()).filtered();
    }

    @Benchmark
    public ObjectNode gatePortalOnTree() {
        return gate.filter("portal", parsed.deepCopy()).filtered();
    }

    /** What {@link #gateShopOnTree} and {@link #gatePortalOnTree} spend on copying the parsed tree. */
    @Benchmark
    public ObjectNode treeCopy() {
        return parsed.deepCopy();
    }

    @Benchmark
    public String gatePortal() {
        return CanonicalJson.write(gate.filter("portal", (ObjectNode) CanonicalJson.read(record)).filtered());
    }
}

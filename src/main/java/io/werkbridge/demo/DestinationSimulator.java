package io.werkbridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: stands in for the shop, the portal and the ERP's machine-event endpoint. Logs which body fields arrived (names, never values), so the
 * demo shows what the privacy gate let through to each destination.
 */
@RestController
@Profile("demo")
public class DestinationSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationSimulator.class);

    @PostMapping({"/simulator/{destination}/customers", "/simulator/{destination}/machine-events",
            "/simulator/{destination}/invoices", "/simulator/{destination}/service-reports", "/simulator/{destination}/push",
            "/simulator/{destination}/machine-locations", "/simulator/{destination}/link-diagnostics",
            "/simulator/{destination}/nc-programs"})
    public ResponseEntity<Void> receive(@PathVariable String destination, @RequestBody JsonNode message) {
        List<String> fields = new ArrayList<>();
        collect(message.path("body"), "", fields);
        LOG.info("[{} simulator] {} {} received fields {}", destination.replaceAll("[^a-z-]", ""),
                message.path("type").asText(), message.path("operation").asText(), fields);
        return ResponseEntity.accepted().build();
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
        } else if (node.isArray()) {
            if (!node.isEmpty()) {
                collect(node.get(0), path + "[]", out);
            }
        } else if (!out.contains(path)) {
            out.add(path);
        }
    }
}

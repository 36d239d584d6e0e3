package io.werkbridge.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the REST contracts the hub implements (the files in {@code connectors/<system>/}): the OpenAPI documents and
 * the JSON Schemas they reference, at {@code /api/v1/openapi/<system>/<file>}.
 */
@RestController
public final class OpenApiController {

    private static final Map<String, String> SYSTEMS = Map.of("shop", "connectors/shop/", "portal", "connectors/portal/");
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]{1,40}(\\.[a-z0-9-]{1,20}){0,2}\\.(yaml|json)");

    @GetMapping("/api/v1/openapi/{system}/{file:.+}")
    public ResponseEntity<byte[]> contract(@PathVariable String system, @PathVariable String file) throws IOException {
        String folder = SYSTEMS.get(system);
        if (folder == null || !FILE.matcher(file).matches()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(folder + file)) {
            if (in == null) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
            }
            MediaType type = file.endsWith(".json") ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("application/yaml");
            return ResponseEntity.ok().contentType(type).body(in.readAllBytes());
        }
    }
}

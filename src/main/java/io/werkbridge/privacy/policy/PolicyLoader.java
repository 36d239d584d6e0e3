package io.werkbridge.privacy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.config.ConfigSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the policy files ({@code taxonomy.yml}, {@code classification.yml}, {@code processors.yml},
 * {@code destinations.yml}) from one location, checks each against its schema in {@code config/schema/}, binds them
 * and lets {@link PolicyValidator} check them against each other. Every problem found is reported at once, each
 * naming its file and the entry at fault.
 */
public final class PolicyLoader {

    static final String TAXONOMY = "taxonomy.yml";
    static final String CLASSIFICATION = "classification.yml";
    static final String PROCESSORS = "processors.yml";
    static final String DESTINATIONS = "destinations.yml";
    private static final Map<String, ConfigSchema> SCHEMAS = Map.of(
            TAXONOMY, ConfigSchema.load("privacy-taxonomy.schema.json"),
            CLASSIFICATION, ConfigSchema.load("privacy-classification.schema.json"),
            PROCESSORS, ConfigSchema.load("privacy-processors.schema.json"),
            DESTINATIONS, ConfigSchema.load("privacy-destinations.schema.json"));
    private static final List<String> FILES = List.of(TAXONOMY, CLASSIFICATION, PROCESSORS, DESTINATIONS);
    /** How a schema path is worded, like the cross-file problems: the entries of a file, and the keyed maps inside. */
    private static final Map<Object, String> ENTRIES = Map.of("categories", "category", "types", "type",
            "processors", "processor", "destinations", "destination");
    private static final Map<Object, String> KEYED = Map.of("fields", "field", "actions", "category");

    private final ResourceLoader resources;

    public PolicyLoader(ResourceLoader resources) {
        this.resources = resources;
    }

    /** @param location a Spring resource location ending with '/', e.g. {@code classpath:config/privacy/} */
    public PrivacyPolicy load(String location) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> raw = new LinkedHashMap<>();
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        for (String file : FILES) {
            try {
                byte[] bytes = resources.getResource(location + file).getContentAsByteArray();
                raw.put(file, bytes);
                ConfigSchema.Checked checked = SCHEMAS.get(file).check(new String(bytes, StandardCharsets.UTF_8));
                checked.violations().forEach(v -> problems.add(file + ": " + where(v)));
                trees.put(file, checked.tree());
            } catch (IOException e) {
                problems.add(file + ": cannot be read from " + location + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        throwIfAny(problems);
        Taxonomy taxonomy = new Taxonomy(entries(trees, TAXONOMY, "key", DataCategory.class, problems));
        Map<String, TypeClassification> classification = entries(trees, CLASSIFICATION, null, TypeClassification.class, problems);
        Map<String, DataProcessor> processors = entries(trees, PROCESSORS, "id", DataProcessor.class, problems);
        Map<String, DestinationPolicy> destinations = entries(trees, DESTINATIONS, "id", DestinationPolicy.class, problems);
        throwIfAny(problems);
        PolicyValidator.check(taxonomy, classification, processors, destinations, problems);
        throwIfAny(problems);
        return new PrivacyPolicy(taxonomy, classification, processors, destinations, version(raw));
    }

    /** Binds the entries of a file's one top-level map; {@code idKey} receives the entry's key, which the record keeps. */
    private static <T> Map<String, T> entries(Map<String, JsonNode> trees, String file, String idKey, Class<T> type,
                                              List<String> problems) {
        JsonNode root = trees.get(file);
        SCHEMAS.get(file).fillDefaults(root);
        String collection = root.fieldNames().next(); // the one top-level key the schema allows
        Map<String, T> result = new LinkedHashMap<>();
        root.get(collection).fields().forEachRemaining(entry -> {
            if (idKey != null) {
                ((ObjectNode) entry.getValue()).put(idKey, entry.getKey());
            }
            try {
                result.put(entry.getKey(), SCHEMAS.get(file).bind(entry.getValue(), type));
            } catch (IllegalArgumentException e) {
                problems.add(file + ": " + ENTRIES.get(collection) + " '" + entry.getKey() + "': " + e.getMessage());
            }
        });
        return result;
    }

    /** Names the place at fault as the cross-file checks do, e.g. {@code destination 'shop' category 'communication.email'}. */
    private static String where(ConfigSchema.Violation violation) {
        List<Object> path = violation.path();
        if (path.size() < 2 || !ENTRIES.containsKey(path.get(0))) {
            return violation.toString();
        }
        StringBuilder where = new StringBuilder(ENTRIES.get(path.get(0)) + " '" + path.get(1) + "'");
        for (int i = 2; i < path.size(); i++) {
            Object step = path.get(i);
            if (KEYED.containsKey(step) && i + 1 < path.size()) {
                where.append(' ').append(KEYED.get(step)).append(" '").append(path.get(++i)).append('\'');
            } else {
                where.append(step instanceof Integer index ? "[" + index + "]" : " " + step);
            }
        }
        return where + ": " + violation.rule();
    }

    private static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
    }

    private static String version(Map<String, byte[]> raw) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            raw.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

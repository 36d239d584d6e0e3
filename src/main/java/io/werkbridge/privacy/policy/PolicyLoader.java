package io.werkbridge.privacy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the policy files ({@code taxonomy.yml}, {@code classification.yml}, {@code processors.yml},
 * {@code destinations.yml}) from one location, checks them, and builds a {@link PrivacyPolicy}. Every problem found
 * is reported at once, each naming its file and the entry at fault.
 */
public final class PolicyLoader {

    static final String TAXONOMY = "taxonomy.yml";
    static final String CLASSIFICATION = "classification.yml";
    static final String PROCESSORS = "processors.yml";
    static final String DESTINATIONS = "destinations.yml";
    private static final List<String> FILES = List.of(TAXONOMY, CLASSIFICATION, PROCESSORS, DESTINATIONS);

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
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
            Resource resource = resources.getResource(location + file);
            try {
                byte[] bytes = resource.getContentAsByteArray();
                raw.put(file, bytes);
                JsonNode tree = yaml.readTree(bytes);
                trees.put(file, tree == null ? yaml.createObjectNode() : tree);
            } catch (IOException e) {
                problems.add(file + ": cannot be read from " + location + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        Taxonomy taxonomy = taxonomy(trees.get(TAXONOMY), problems);
        Map<String, TypeClassification> classification = classification(trees.get(CLASSIFICATION), taxonomy, problems);
        Map<String, DataProcessor> processors = processors(trees.get(PROCESSORS), taxonomy, problems);
        Map<String, DestinationPolicy> destinations = destinations(trees.get(DESTINATIONS), taxonomy, problems);
        PolicyValidator.checkDestinationsAgainstContracts(taxonomy, processors, destinations, problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new PrivacyPolicy(taxonomy, classification, processors, destinations, version(raw));
    }

    private static Taxonomy taxonomy(JsonNode root, List<String> problems) {
        Map<String, DataCategory> categories = new LinkedHashMap<>();
        JsonNode node = root.path("categories");
        if (!node.isObject() || node.isEmpty()) {
            problems.add(TAXONOMY + ": 'categories' must map category keys to {personal, description}");
            return new Taxonomy(categories);
        }
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode personal = e.getValue().path("personal");
            if (!personal.isBoolean()) {
                problems.add(TAXONOMY + ": category '" + key + "' needs 'personal: true' or 'personal: false'");
                return;
            }
            categories.put(key, new DataCategory(key, personal.booleanValue(), e.getValue().path("freeText").asBoolean(false),
                    e.getValue().path("description").asText("")));
        });
        categories.values().forEach(c -> {
            if (c.parentKey() != null && !categories.containsKey(c.parentKey())) {
                problems.add(TAXONOMY + ": category '" + c.key() + "' has no parent category '" + c.parentKey() + "'");
            }
        });
        return new Taxonomy(categories);
    }

    private static Map<String, TypeClassification> classification(JsonNode root, Taxonomy taxonomy, List<String> problems) {
        Map<String, TypeClassification> result = new LinkedHashMap<>();
        JsonNode types = root.path("types");
        if (!types.isObject()) {
            problems.add(CLASSIFICATION + ": 'types' must map each canonical type to its fields");
            return result;
        }
        types.fields().forEachRemaining(t -> {
            String type = t.getKey();
            String keyCategory = t.getValue().path("key").asText(null);
            requireCategory(taxonomy, keyCategory, CLASSIFICATION + ": type '" + type + "' key", problems);
            Map<String, String> fields = new LinkedHashMap<>();
            t.getValue().path("fields").fields().forEachRemaining(f -> {
                String category = f.getValue().asText(null);
                requireCategory(taxonomy, category, CLASSIFICATION + ": type '" + type + "' field '" + f.getKey() + "'", problems);
                fields.put(f.getKey(), category);
            });
            List<String> subjects = new ArrayList<>();
            t.getValue().path("subjects").forEach(s -> subjects.add(s.asText()));
            result.put(type, new TypeClassification(keyCategory, subjects, fields));
        });
        return result;
    }

    private static Map<String, DataProcessor> processors(JsonNode root, Taxonomy taxonomy, List<String> problems) {
        Map<String, DataProcessor> result = new LinkedHashMap<>();
        root.path("processors").fields().forEachRemaining(p -> {
            String id = p.getKey();
            JsonNode n = p.getValue();
            String where = PROCESSORS + ": processor '" + id + "'";
            JsonNode c = n.path("contract");
            DataProcessor.Contract contract = new DataProcessor.Contract(
                    c.path("reference").asText(""), c.path("sample").asBoolean(false),
                    date(c.path("validFrom"), where + " contract validFrom", problems),
                    date(c.path("validTo"), where + " contract validTo", problems),
                    c.path("status").asText("active"));
            List<String> categories = strings(n.path("categories"));
            categories.forEach(cat -> requireCategory(taxonomy, cat, where + " categories", problems));
            result.put(id, new DataProcessor(id, n.path("name").asText(id), n.path("address").asText(""),
                    n.path("country").asText(""), n.path("role").asText(""), contract,
                    n.path("transferMechanism").asText("none"), strings(n.path("purposes")), categories));
        });
        return result;
    }

    private static Map<String, DestinationPolicy> destinations(JsonNode root, Taxonomy taxonomy, List<String> problems) {
        Map<String, DestinationPolicy> result = new LinkedHashMap<>();
        root.path("destinations").fields().forEachRemaining(d -> {
            String id = d.getKey();
            JsonNode n = d.getValue();
            String where = DESTINATIONS + ": destination '" + id + "'";
            Map<String, Action> actions = new LinkedHashMap<>();
            n.path("actions").fields().forEachRemaining(a -> {
                String category = a.getKey();
                if (!requireCategory(taxonomy, category, where + " action", problems)) {
                    return;
                }
                try {
                    actions.put(category, action(a.getValue()));
                } catch (IllegalArgumentException e) {
                    problems.add(where + " category '" + category + "': " + e.getMessage());
                }
            });
            if (n.path("processor").asText("").isEmpty() || n.path("purpose").asText("").isEmpty()) {
                problems.add(where + ": 'processor' and 'purpose' are required");
            }
            result.put(id, new DestinationPolicy(id, n.path("processor").asText(), n.path("purpose").asText(),
                    n.path("legalBasis").asText(""), actions));
        });
        return result;
    }

    /** {@code allow} or {@code {action: mask, keep: 4}}. */
    static Action action(JsonNode node) {
        if (node.isTextual()) {
            return new Action(ActionType.parse(node.asText()), 0);
        }
        ActionType type = ActionType.parse(node.path("action").asText(""));
        int keep = node.path("keep").asInt(type == ActionType.MASK ? 4 : 0);
        return new Action(type, keep);
    }

    private static boolean requireCategory(Taxonomy taxonomy, String category, String where, List<String> problems) {
        if (category == null || !taxonomy.contains(category)) {
            problems.add(where + ": unknown category '" + category + "' (not in " + TAXONOMY + ")");
            return false;
        }
        return true;
    }

    private static LocalDate date(JsonNode node, String where, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            problems.add(where + ": not an ISO date (yyyy-mm-dd)");
            return null;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
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

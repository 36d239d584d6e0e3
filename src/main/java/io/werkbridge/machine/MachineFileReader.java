package io.werkbridge.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.config.ConfigSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads one machine file (YAML): checks it against {@code config/schema/machine.schema.json}, then the rules between
 * mapping entries the schema cannot say, and binds it to a {@link MachineDefinition}. Every problem is collected, each
 * as {@code <file>: <path>: <what is wrong and what is allowed>}, so one start-up names them all.
 */
public final class MachineFileReader {

    private static final ConfigSchema SCHEMA = ConfigSchema.load("machine.schema.json");

    /**
     * @param file name for messages
     * @param text the file's content, placeholders already resolved
     * @throws MachineConfigException listing every problem of the file
     */
    public MachineDefinition read(String file, String text) {
        ConfigSchema.Checked checked = SCHEMA.check(text);
        List<String> problems = new ArrayList<>();
        checked.violations().forEach(v -> problems.add(file + ": " + v));
        checkMapping(checked.tree().path("mapping"), (path, rule) -> problems.add(file + ": " + path + ": " + rule));
        if ("opcua".equals(checked.tree().path("protocol").asText())) {
            checkOpcUaSecurity(checked.tree().path("connection"), (path, rule) -> problems.add(file + ": " + path + ": " + rule));
        }
        if ("modbus".equals(checked.tree().path("protocol").asText())) {
            ModbusRegisterMap.check(checked.tree().path("connection"), checked.tree().path("mapping"),
                    (path, rule) -> problems.add(file + ": " + path + ": " + rule));
        }
        if (!problems.isEmpty()) {
            throw new MachineConfigException(problems);
        }
        ObjectNode root = (ObjectNode) checked.tree();
        root.put("file", file);
        SCHEMA.fillDefaults(root);
        ObjectNode connection = (ObjectNode) root.get("connection");
        SCHEMA.fillDefaults(connection, "/definitions/" + root.get("protocol").asText());
        if (root.get("programTransfer") instanceof ObjectNode transfer) {
            SCHEMA.fillDefaults(transfer, "/definitions/programTransfer");
        }
        if (connection.has("agent")) {
            connection.put("agent", connection.get("agent").asText().replaceFirst("/$", ""));
        }
        try {
            return SCHEMA.bind(root, MachineDefinition.class);
        } catch (IllegalArgumentException e) {
            throw new MachineConfigException(List.of(file + ": " + e.getMessage()));
        }
    }

    /**
     * Rules between the OPC UA security keys: None is a decision of the machine file, for policy and mode together;
     * a user name needs exactly one place for its password, an X.509 identity its key store and one for its password.
     */
    private static void checkOpcUaSecurity(JsonNode connection, BiConsumer<String, String> problems) {
        boolean policyNone = "None".equals(connection.path("securityPolicy").asText());
        boolean modeNone = "None".equals(connection.path("securityMode").asText());
        if (modeNone && !policyNone) {
            problems.accept("connection.securityMode", "None goes only with securityPolicy None");
        }
        if (policyNone && connection.has("securityMode") && !modeNone) {
            problems.accept("connection.securityMode", "securityPolicy None only with securityMode None");
        }
        JsonNode identity = connection.path("identity");
        String type = identity.path("type").asText();
        if ("username".equals(type)) {
            if (!identity.has("username")) {
                problems.accept("connection.identity.username", "missing for type username");
            }
            if (identity.has("passwordEnv") == identity.has("passwordFile")) {
                problems.accept("connection.identity", "type username needs exactly one of passwordEnv or passwordFile");
            }
        } else if ("x509".equals(type)
                && (!identity.has("keyStore") || identity.has("keyStorePasswordEnv") == identity.has("keyStorePasswordFile"))) {
            problems.accept("connection.identity", "type x509 needs keyStore and exactly one of keyStorePasswordEnv or"
                    + " keyStorePasswordFile");
        }
    }

    /** Rules between the keys of an entry and between entries: kind (with value) or field; each source and target once. */
    private static void checkMapping(JsonNode mapping, BiConsumer<String, String> problems) {
        Set<String> sources = new HashSet<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; mapping.isArray() && i < mapping.size(); i++) {
            JsonNode entry = mapping.get(i);
            String at = "mapping[" + i + "]";
            if (!entry.isObject()) {
                continue;
            }
            String source = entry.path("source").textValue();
            if (source != null && !sources.add(source)) {
                problems.accept(at + ".source", "'" + source + "' is mapped twice");
            }
            boolean kind = entry.has("kind");
            boolean field = entry.has("field");
            boolean value = entry.has("value");
            if (kind == field) {
                problems.accept(at, "needs either kind (with value) or field, not both and not neither");
            } else if (kind && !value) {
                problems.accept(at + ".value", "missing: the name of the value under values{} of the event");
            } else if (field && value) {
                problems.accept(at + ".value", "only with kind; a field entry has no value name");
            } else {
                String target = kind ? entry.get("kind").asText() + "." + entry.get("value").asText() : entry.get("field").asText();
                if (!targets.add(target)) {
                    problems.accept(at, "target " + target + " is already filled by another entry");
                }
            }
        }
    }
}

package io.werkbridge.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.werkbridge.model.MachineEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks one machine file (YAML). Every problem is collected, each as {@code <file>: <path>: <what is
 * wrong and what is allowed>}, so one start-up names them all.
 */
public final class MachineFileReader {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final Pattern VALUE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** An OPC UA node id as camel-milo takes it inside RAW(...): optional namespace, then i=, s=, g= or b=. */
    private static final Pattern NODE_ID = Pattern.compile("(nsu=[^;)]+;|ns=\\d{1,5};)?[isgb]=[^)]+");
    private static final int MAX_SOURCE = 256;
    private static final Set<String> TOP_LEVEL = Set.of("id", "description", "machineNumber", "machineType",
            "customerNumber", "protocol", "enabled", "connection", "mapping");
    private static final Set<String> RULE_KEYS = Set.of("source", "kind", "value", "field", "type");
    private static final List<String> FRAMINGS = List.of("line", "stx-etx", "3964r", "modbus-rtu");
    private static final Map<String, Pattern> SERIAL_OPTIONS = Map.of(
            "baudRate", Pattern.compile("[1-9][0-9]{1,6}"),
            "dataBits", Pattern.compile("[5-8]"),
            "parity", Pattern.compile("none|even|odd"),
            "stopBits", Pattern.compile("[12]"),
            "flowControl", Pattern.compile("none|xonxoff|rtscts"),
            "maxFrameLength", Pattern.compile("[1-9][0-9]{0,5}"),
            "reconnectDelay", Pattern.compile("[1-9][0-9]{0,6}"),
            "maxReconnectDelay", Pattern.compile("[1-9][0-9]{0,6}"));

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /**
     * @param file name for messages
     * @param text the file's content, placeholders already resolved
     * @throws MachineConfigException listing every problem of the file
     */
    public MachineDefinition read(String file, String text) {
        Problems problems = new Problems(file);
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new MachineConfigException(List.of(file + ": not valid YAML" + where));
        }
        if (root == null || !root.isObject()) {
            throw new MachineConfigException(List.of(file + ": a machine file is a YAML mapping (id, machineNumber, protocol, connection, mapping)"));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                problems.add(name, "unknown key; allowed are " + new java.util.TreeSet<>(TOP_LEVEL));
            }
        });
        String id = text(root, "id", problems, true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("id", "must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        String machineNumber = bounded(root, "machineNumber", 40, problems, true);
        String machineType = bounded(root, "machineType", 80, problems, false);
        String customerNumber = bounded(root, "customerNumber", 20, problems, true);
        boolean enabled = true;
        if (root.has("enabled")) {
            if (root.get("enabled").isBoolean()) {
                enabled = root.get("enabled").booleanValue();
            } else {
                problems.add("enabled", "must be true or false");
            }
        }
        String protocolName = text(root, "protocol", problems, true);
        Optional<Protocol> protocol = Optional.ofNullable(protocolName).flatMap(Protocol::fromId);
        if (protocolName != null && protocol.isEmpty()) {
            problems.add("protocol", "must be one of serial, opcua, mtconnect");
        }
        JsonNode connectionNode = root.path("connection");
        Connection connection = null;
        if (!connectionNode.isObject()) {
            problems.add("connection", "missing: the connection settings of the protocol");
        } else if (protocol.isPresent()) {
            connection = switch (protocol.get()) {
                case SERIAL -> serial(connectionNode, problems);
                case OPCUA -> opcUa(connectionNode, problems);
                case MTCONNECT -> mtConnect(connectionNode, problems);
            };
        }
        List<MappingRule> mapping = mapping(root.path("mapping"), protocol.orElse(null), problems);
        problems.throwIfAny();
        return new MachineDefinition(file, id, machineNumber, machineType, customerNumber, enabled, connection, mapping);
    }

    private static Connection.Serial serial(JsonNode node, Problems problems) {
        allowOnly(node, problems, union(Set.of("port", "framing", "telegram"), SERIAL_OPTIONS.keySet()));
        String port = text(node, "port", problems, true, "connection.");
        if (port != null && (port.contains("?") || port.contains("&") || port.isBlank())) {
            problems.add("connection.port", "must be a device path without '?' or '&'");
        }
        String framing = Optional.ofNullable(text(node, "framing", problems, false, "connection.")).orElse("line");
        if (!FRAMINGS.contains(framing)) {
            problems.add("connection.framing", "must be one of " + FRAMINGS);
        }
        String telegram = Optional.ofNullable(text(node, "telegram", problems, false, "connection.")).orElse("key-value");
        if (!"key-value".equals(telegram)) {
            problems.add("connection.telegram", "must be key-value (the telegram format of docs/machines.md)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        SERIAL_OPTIONS.forEach((name, pattern) -> {
            JsonNode value = node.get(name);
            if (value != null) {
                if (value.isValueNode() && pattern.matcher(value.asText()).matches()) {
                    options.put(name, value.asText());
                } else {
                    problems.add("connection." + name, "must match " + pattern.pattern());
                }
            }
        });
        return new Connection.Serial(port, framing, options, telegram);
    }

    private static Connection.OpcUa opcUa(JsonNode node, Problems problems) {
        allowOnly(node, problems, Set.of("endpoint", "samplingInterval", "heartbeatInterval"));
        String endpoint = text(node, "endpoint", problems, true, "connection.");
        if (endpoint != null) {
            URI uri = uri(endpoint, "connection.endpoint", problems);
            if (uri != null && (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || endpoint.contains("?"))) {
                problems.add("connection.endpoint", "must be opc.tcp://host:port[/path] without user info or query");
            }
        }
        return new Connection.OpcUa(endpoint, millis(node, "samplingInterval", 500, 10, 3_600_000, problems),
                millis(node, "heartbeatInterval", 1000, 100, 60_000, problems));
    }

    private static Connection.MtConnect mtConnect(JsonNode node, Problems problems) {
        allowOnly(node, problems, Set.of("agent", "device", "pollInterval", "count", "timeout"));
        String agent = text(node, "agent", problems, true, "connection.");
        URI uri = null;
        if (agent != null) {
            uri = uri(agent.endsWith("/") ? agent.substring(0, agent.length() - 1) : agent, "connection.agent", problems);
            if (uri != null && (!List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null)) {
                problems.add("connection.agent", "must be an http(s) URL of the agent without user info or query");
                uri = null;
            }
        }
        String device = text(node, "device", problems, false, "connection.");
        if (device != null && !DEVICE.matcher(device).matches()) {
            problems.add("connection.device", "must be a device name or uuid of 1-64 letters, digits, '_', '-' and '.'");
        }
        int count = 1000;
        if (node.has("count")) {
            JsonNode value = node.get("count");
            if (value.canConvertToInt() && value.isIntegralNumber() && value.intValue() >= 1 && value.intValue() <= 10_000) {
                count = value.intValue();
            } else {
                problems.add("connection.count", "must be a whole number from 1 to 10000");
            }
        }
        return new Connection.MtConnect(uri, device, millis(node, "pollInterval", 1000, 100, 3_600_000, problems),
                count, millis(node, "timeout", 5000, 100, 120_000, problems));
    }

    private static List<MappingRule> mapping(JsonNode node, Protocol protocol, Problems problems) {
        List<MappingRule> rules = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add("mapping", "missing: a list of {source, kind, value} or {source, field} entries");
            return rules;
        }
        Set<String> sources = new HashSet<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "mapping[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                problems.add(at, "must be a mapping with source and kind/value or field");
                continue;
            }
            int before = problems.count();
            allowOnly(entry, problems, RULE_KEYS, at + ".");
            String source = text(entry, "source", problems, true, at + ".");
            if (source != null && (source.isBlank() || source.length() > MAX_SOURCE)) {
                problems.add(at + ".source", "must be 1-" + MAX_SOURCE + " characters");
            } else if (source != null && !sources.add(source)) {
                problems.add(at + ".source", "'" + source + "' is mapped twice");
            }
            MachineEvent.Kind kind = null;
            String kindName = text(entry, "kind", problems, false, at + ".");
            if (kindName != null) {
                kind = Arrays.stream(MachineEvent.Kind.values()).filter(k -> k.name().equals(kindName)).findFirst().orElse(null);
                if (kind == null) {
                    problems.add(at + ".kind", "must be one of " + Arrays.toString(MachineEvent.Kind.values()));
                }
            }
            String value = text(entry, "value", problems, false, at + ".");
            if (value != null && !VALUE_NAME.matcher(value).matches()) {
                problems.add(at + ".value", "must be a name of letters, digits and '_' starting with a letter");
            }
            MappingRule.Field field = null;
            String fieldName = text(entry, "field", problems, false, at + ".");
            if (fieldName != null) {
                field = Arrays.stream(MappingRule.Field.values()).filter(f -> f.path().equals(fieldName)).findFirst().orElse(null);
                if (field == null) {
                    problems.add(at + ".field", "must be one of operator.id, operator.name, location.lat, location.lon, timestamp");
                }
            }
            if ((kindName == null) == (fieldName == null)) {
                problems.add(at, "needs either kind (with value) or field, not both and not neither");
            } else if (kindName != null && value == null) {
                problems.add(at + ".value", "missing: the name of the value under values{} of the event");
            } else if (fieldName != null && value != null) {
                problems.add(at + ".value", "only with kind; a field entry has no value name");
            }
            MappingRule.ValueType type = MappingRule.ValueType.AUTO;
            String typeName = text(entry, "type", problems, false, at + ".");
            if (typeName != null) {
                try {
                    type = MappingRule.ValueType.valueOf(typeName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(at + ".type", "must be one of auto, string, integer, number, boolean");
                }
            }
            String target = kind != null ? kind + "." + value : fieldName;
            if (target != null && !targets.add(target)) {
                problems.add(at, "target " + target + " is already filled by another entry");
            }
            if (protocol == Protocol.OPCUA && source != null && !NODE_ID.matcher(source).matches()) {
                problems.add(at + ".source", "must be an OPC UA node id such as ns=2;s=Machine/State,"
                        + " nsu=urn:example;s=State or ns=0;i=2258, without ')'");
            }
            if (protocol != null && protocol != Protocol.SERIAL && field == MappingRule.Field.TIMESTAMP) {
                problems.add(at + ".field", "timestamp is for serial telegrams only; OPC UA and MTConnect values carry their own time");
            }
            if (problems.count() == before) {
                rules.add(new MappingRule(source, kind, value, field, type));
            }
        }
        return rules;
    }

    private static Duration millis(JsonNode node, String name, long fallback, long min, long max, Problems problems) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Duration.ofMillis(fallback);
        }
        if (value.isIntegralNumber() && value.longValue() >= min && value.longValue() <= max) {
            return Duration.ofMillis(value.longValue());
        }
        problems.add("connection." + name, "must be a whole number of milliseconds from " + min + " to " + max);
        return Duration.ofMillis(fallback);
    }

    private static URI uri(String text, String path, Problems problems) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            problems.add(path, "is not a valid URL");
            return null;
        }
    }

    private static void allowOnly(JsonNode node, Problems problems, Set<String> allowed) {
        allowOnly(node, problems, allowed, "connection.");
    }

    private static void allowOnly(JsonNode node, Problems problems, Set<String> allowed, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(prefix + name, "unknown key; allowed are " + new java.util.TreeSet<>(allowed));
            }
        });
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String bounded(JsonNode node, String name, int max, Problems problems, boolean required) {
        String value = text(node, name, problems, required);
        if (value != null && (value.isBlank() || value.length() > max)) {
            problems.add(name, "must be 1-" + max + " characters");
        }
        return value;
    }

    private static String text(JsonNode node, String name, Problems problems, boolean required) {
        return text(node, name, problems, required, "");
    }

    private static String text(JsonNode node, String name, Problems problems, boolean required, String prefix) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(prefix + name, "missing");
            }
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            problems.add(prefix + name, "must be a text");
            return null;
        }
        return value.asText();
    }

    /** The problems of one file. */
    private static final class Problems {
        private final String file;
        private final List<String> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(String path, String message) {
            list.add(file + ": " + path + ": " + message);
        }

        int count() {
            return list.size();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new MachineConfigException(list);
            }
        }
    }
}

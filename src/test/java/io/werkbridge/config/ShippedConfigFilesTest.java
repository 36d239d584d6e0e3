package io.werkbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The YAML files of the repository against the schemas in config/schema/, as the hub and an editor see them. */
class ShippedConfigFilesTest {

    private static final Path SCHEMAS = Path.of("config/schema");
    /** The placeholders of the demo and test machines, as their profiles set them. */
    private static final MockEnvironment PROPERTIES = new MockEnvironment()
            .withProperty("werkbridge.demo.opcua-port", "48400")
            .withProperty("werkbridge.demo.serial-link", "/tmp/werkbridge-demo/hub")
            .withProperty("werkbridge.test.serial-port", "/tmp/werkbridge-test/hub")
            .withProperty("werkbridge.test.opcua-endpoint", "opc.tcp://127.0.0.1:4840/test")
            .withProperty("werkbridge.test.mtconnect-agent", "http://127.0.0.1:5000")
            .withProperty("werkbridge.test.modbus-port", "/tmp/werkbridge-test/modbus-hub")
            .withProperty("werkbridge.test.modbus-tcp-port", "1502")

            .withProperty("werkbridge.test.umati-endpoint", "opc.tcp://127.0.0.1:4841/umati");

    @Test
    void everyMachineFileMatchesTheMachineSchema() throws IOException {
        List<Path> files = machineFiles();
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("press-serial-sample.yml",
                "demo-mill-opcua.yml", "test-lathe-mtconnect.yml", "test-disabled.yml", "test-okuma-refused.yml", "spindle-modbus-sample.yml", "test-modbus-rtu.yml",
                "test-modbus-tcp.yml", "mill-umati-sample.yml", "test-mill-umati.yml").hasSize(17);
        ConfigSchema schema = ConfigSchema.load("machine.schema.json");
        for (Path file : files) {
            String text = PROPERTIES.resolveRequiredPlaceholders(Files.readString(file));
            assertThat(schema.check(text).violations()).as(file.toString()).isEmpty();
        }
    }

    @Test
    void everyPolicyFileMatchesItsSchema() throws IOException {
        for (Path file : policyFiles()) {
            ConfigSchema schema = ConfigSchema.load("privacy-" + file.getFileName().toString().replace(".yml", ".schema.json"));
            assertThat(schema.check(Files.readString(file)).violations()).as(file.toString()).isEmpty();
        }
    }

    /** The first line tells VS Code's YAML extension (and other yaml-language-server editors) which schema applies. */
    @Test
    void everyFileNamesItsSchemaForEditors() throws IOException {
        Map<Path, String> expected = new java.util.LinkedHashMap<>();
        machineFiles().forEach(f -> expected.put(f, "machine.schema.json"));
        policyFiles().forEach(f -> expected.put(f, "privacy-" + f.getFileName().toString().replace(".yml", ".schema.json")));
        assertThat(expected).hasSize(21);
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            String first = Files.readAllLines(e.getKey()).get(0);
            assertThat(first).as(e.getKey().toString()).startsWith("# yaml-language-server: $schema=");
            Path schema = e.getKey().getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
            assertThat(schema).as(e.getKey().toString()).isEqualTo(SCHEMAS.resolve(e.getValue())).isRegularFile();
        }
    }

    /** Editors read the schemas as draft-07; each must be one (patterns included). */
    @Test
    void everySchemaIsAValidDraft07Schema() throws IOException {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        List<Path> schemas;
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            schemas = files.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList();
        }
        assertThat(schemas).hasSize(5);
        for (Path schema : schemas) {
            JsonNode document = new ObjectMapper().readTree(schema.toFile());
            assertThat(document.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
            assertThat(metaSchema.validate(document)).as(schema.toString()).isEmpty();
        }
    }

    private static List<Path> machineFiles() throws IOException {
        try (Stream<Path> shipped = Files.walk(Path.of("connectors/machines"));
             Stream<Path> test = Files.list(Path.of("src/test/resources/test-machines"))) {
            return Stream.concat(shipped, test).filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static List<Path> policyFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config/privacy"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }
}

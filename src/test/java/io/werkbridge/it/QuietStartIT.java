package io.werkbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A normal start is quiet: the hub started as the README says ({@code java -jar} with the demo profile, its own data
 * directory, nothing else configured) prints no stack trace and nothing but log records, logs no error, and logs no
 * warning but the few below, each one line that tells the operator what to do. The log is read once the demo has shown
 * the gate at work (a customer delivered to the shop and the portal simulators, machine events from the OPC UA mill),
 * while the health endpoint was polled during the start as an orchestrator polls it.
 */
class QuietStartIT {

    /** Warnings a normal demo start may log, each with why it stays. */
    private static final Map<Pattern, String> ALLOWED_WARNINGS = Map.of(
            Pattern.compile(" WARN .*\\.HubSecrets +: no privacy\\.hash-key configured: generated one and stored it in the "
                    + "database; configure your own in production$"),
            "the demo configures no hash key on purpose (the first start generates one); production must set its own",
            Pattern.compile(" WARN .*\\.OpcUaConfiguration +: machine demo-mill-opcua \\(classpath:connectors/machines/demo/"
                    + "demo-mill-opcua\\.yml\\): OPC UA without security \\(securityPolicy None\\)"),
            "the demo mill on localhost says securityPolicy None in its machine file; that choice is warned about at every "
                    + "load by design, and only for the demo machine");

    private static final Pattern RECORD = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\S+ +(TRACE|DEBUG|INFO|WARN|ERROR) \\d+ --- \\[.*");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at \\S+\\(.*\\)\\s*$|^Caused by: |^\\s+\\.\\.\\. \\d+ ");
    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+ +(WARN|ERROR) ");

    @Test
    void aDemoStartLogsNoStackTraceAndOnlyAllowedWarnings() {
        Path work = ItPaths.workDir("quiet-start");
        HubProcess hub = HubProcess.asConfigured("demo", work, List.of(
                "--spring.profiles.active=demo",
                "--werkbridge.data-dir=" + work.resolve("data"),
                "--werkbridge.broker.port=" + FreePorts.next(),
                "--werkbridge.demo.opcua-port=" + FreePorts.next(),
                "--werkbridge.demo.serial-link=" + work.resolve("serial-hub")));
        List<String> lines;
        try {
            hub.start();
            await("the demo's first deliveries (see " + hub.log() + ")").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        String log = String.join("\n", read(hub.log()));
                        return log.contains("[shop simulator] customer upsert received")
                                && log.contains("[portal simulator] customer upsert received")
                                && log.contains("machine demo-mill-opcua (opcua")
                                && log.contains("[portal simulator] machine-event upsert received");
                    });
            lines = read(hub.log());
        } finally {
            hub.stop();
        }

        assertThat(lines).as("stack trace lines in " + hub.log())
                .filteredOn(line -> STACK_FRAME.matcher(line).find()).isEmpty();
        assertThat(lines).as("lines that are not log records (raw prints, exception messages, blank lines) in " + hub.log())
                .filteredOn(line -> !RECORD.matcher(line).matches()).isEmpty();
        assertThat(lines).as("warnings and errors not allowed at a normal start, in " + hub.log())
                .filteredOn(line -> WARN_OR_ERROR.matcher(line).find())
                .filteredOn(line -> ALLOWED_WARNINGS.keySet().stream().noneMatch(allowed -> allowed.matcher(line).find()))
                .isEmpty();
    }

    private static List<String> read(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

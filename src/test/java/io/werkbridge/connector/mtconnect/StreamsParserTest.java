package io.werkbridge.connector.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.model.InvalidSourceDataException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsParserTest {

    private final StreamsParser parser = new StreamsParser();

    private static final String TWO_DEVICES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <m:MTConnectStreams xmlns:m="urn:mtconnect.org:MTConnectStreams:2.0" xmlns:x="urn:example.com:extensions">
              <m:Header creationTime="2026-11-20T10:00:09Z" sender="agent" instanceId="1700000000" version="2.0.0.12"
                  bufferSize="131072" nextSequence="40" firstSequence="1" lastSequence="39"/>
              <m:Streams>
                <m:DeviceStream name="LT250" uuid="lt250-0001">
                  <m:ComponentStream component="Controller" name="controller" componentId="c1">
                    <m:Events>
                      <m:PartCount dataItemId="pc" name="partcount" timestamp="2026-11-20T10:00:07.123456Z" sequence="31">17</m:PartCount>
                      <m:Execution dataItemId="exec" timestamp="2026-11-20T10:00:05Z" sequence="30">ACTIVE</m:Execution>
                      <m:Program dataItemId="prog" timestamp="2026-11-20T10:00:05" sequence="29"><![CDATA[O4711 <main>]]></m:Program>
                      <m:User dataItemId="operator" timestamp="2026-11-20T10:00:04Z" sequence="28">W-0815</m:User>
                      <m:VariableDataSet dataItemId="vars" timestamp="2026-11-20T10:00:04Z" sequence="27">
                        <m:Entry key="speed">120</m:Entry><m:Entry key="feed">0.2</m:Entry>
                      </m:VariableDataSet>
                      <x:Coolant dataItemId="coolant" timestamp="2026-11-20T10:00:03Z" sequence="26">UNAVAILABLE</x:Coolant>
                    </m:Events>
                    <m:Condition>
                      <m:Fault dataItemId="system" timestamp="2026-11-20T10:00:08Z" sequence="32" type="SYSTEM" nativeCode="1001" nativeSeverity="2">Spindle overload</m:Fault>
                      <m:Normal dataItemId="logic" timestamp="2026-11-20T10:00:02Z" sequence="25" type="LOGIC_PROGRAM"/>
                    </m:Condition>
                  </m:ComponentStream>
                </m:DeviceStream>
                <m:DeviceStream name="OTHER" uuid="other-0002">
                  <m:ComponentStream component="Device" name="other" componentId="o1">
                    <m:Events><m:Availability dataItemId="avail2" timestamp="2026-11-20T10:00:01Z" sequence="24">AVAILABLE</m:Availability></m:Events>
                  </m:ComponentStream>
                </m:DeviceStream>
              </m:Streams>
            </m:MTConnectStreams>
            """;

    @Test
    void readsHeaderAndObservationsOfOneDeviceInSequenceOrder() {
        StreamsDocument doc = parse(TWO_DEVICES, "LT250");
        assertThat(doc.instanceId()).isEqualTo("1700000000");
        assertThat(List.of(doc.firstSequence(), doc.nextSequence(), doc.lastSequence())).containsExactly(1L, 40L, 39L);
        assertThat(doc.isError()).isFalse();
        assertThat(doc.observations()).containsExactly(
                new Observation("logic", null, 25, Instant.parse("2026-11-20T10:00:02Z"), Map.of("level", "normal")),
                new Observation("coolant", null, 26, Instant.parse("2026-11-20T10:00:03Z"), "UNAVAILABLE"),
                new Observation("vars", null, 27, Instant.parse("2026-11-20T10:00:04Z"), Map.of("speed", "120", "feed", "0.2")),
                new Observation("operator", null, 28, Instant.parse("2026-11-20T10:00:04Z"), "W-0815"),
                new Observation("prog", null, 29, Instant.parse("2026-11-20T10:00:05Z"), "O4711 <main>"),
                new Observation("exec", null, 30, Instant.parse("2026-11-20T10:00:05Z"), "ACTIVE"),
                new Observation("pc", "partcount", 31, Instant.parse("2026-11-20T10:00:07.123456Z"), "17"),
                new Observation("system", null, 32, Instant.parse("2026-11-20T10:00:08Z"), Map.of("level", "fault",
                        "nativeCode", "1001", "nativeSeverity", "2", "text", "Spindle overload")));
        assertThat(parse(TWO_DEVICES, "other-0002").observations()).extracting(Observation::dataItemId).containsExactly("avail2");
        assertThat(parse(TWO_DEVICES, null).observations()).hasSize(9);
    }

    @Test
    void readsAnErrorDocument() {
        StreamsDocument error = parse(AgentDocuments.error("17", "OUT_OF_RANGE"), null);
        assertThat(error.isError()).isTrue();
        assertThat(error.errorCodes()).containsExactly("OUT_OF_RANGE");
        assertThat(error.instanceId()).isEqualTo("17");
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + AgentDocuments.streams("1", 1, 2, 1, AgentDocuments.event("Program", "prog", 1, "&xxe;"))
                        .replaceFirst("<\\?xml[^>]*>\\s*", "");
        assertThatThrownBy(() -> parse(xxe, null))
                .isInstanceOf(InvalidSourceDataException.class)
                .hasMessageNotContaining("TOP-SECRET")
                .hasMessageContaining("DTD");
    }

    @Test
    void refusesWhatIsNotAnMTConnectDocument() {
        assertThatThrownBy(() -> parse("<MTConnectStreams><Header instanceId=\"1\"/></MTConnectStreams>", null))
                .hasMessage("agent response is not an MTConnect Streams or Error document (root element MTConnectStreams without namespace)");
        assertThatThrownBy(() -> parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>proxy error</body></html>", null))
                .hasMessageStartingWith("agent response is not an MTConnect Streams or Error document (root element html");
        assertThatThrownBy(() -> parse("<m:MTConnectStreams xmlns:m=\"urn:mtconnect.org:MTConnectStreams:1.3\"><m:Header", null))
                .hasMessageStartingWith("agent response is not well-formed XML");
        assertThatThrownBy(() -> parse(AgentDocuments.streams("1", 1, 3, 2, "<Execution dataItemId=\"e\" sequence=\"1\">A</Execution>"), null))
                .hasMessage("observation of e has no timestamp");
        assertThatThrownBy(() -> parse(AgentDocuments.streams(" ", 1, 3, 2), null))
                .hasMessage("agent response Header has no usable instanceId");
    }

    private StreamsDocument parse(String xml, String device) {
        return parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), device);
    }
}

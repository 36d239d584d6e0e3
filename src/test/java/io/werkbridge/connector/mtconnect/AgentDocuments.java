package io.werkbridge.connector.mtconnect;

import java.util.Arrays;
import java.util.stream.Collectors;

/** MTConnect documents as an agent sends them, for tests (synthetic devices and values). */
public final class AgentDocuments {

    private AgentDocuments() {
    }

    /** An observation element, e.g. {@code event("Execution", "exec", 12, "ACTIVE")}. */
    public static String event(String element, String dataItemId, long sequence, String value) {
        return "<" + element + " dataItemId=\"" + dataItemId + "\" timestamp=\"" + time(sequence) + "\" sequence=\""
                + sequence + "\">" + value + "</" + element + ">";
    }

    /** The observation time the documents use for a sequence number: 2026-11-20T10:00:00Z plus sequence seconds. */
    public static String time(long sequence) {
        return java.time.Instant.parse("2026-11-20T10:00:00Z").plusSeconds(sequence).toString();
    }

    /** A Streams document (version 1.3 namespace) for device LT250 with the events given. */
    public static String streams(String instanceId, long first, long next, long last, String... events) {
        return streamsOf("LT250", instanceId, first, next, last, events);
    }

    /** A Streams document (version 1.3 namespace) for a device with the events given. */
    public static String streamsOf(String device, String instanceId, long first, long next, long last, String... events) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <MTConnectStreams xmlns:m="urn:mtconnect.org:MTConnectStreams:1.3" xmlns="urn:mtconnect.org:MTConnectStreams:1.3"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="urn:mtconnect.org:MTConnectStreams:1.3 http://schemas.mtconnect.org/schemas/MTConnectStreams_1.3.xsd">
                  <Header creationTime="2026-11-20T10:00:00Z" sender="agent" instanceId="%s" version="1.3.0.18"
                      bufferSize="131072" nextSequence="%d" firstSequence="%d" lastSequence="%d"/>
                  <Streams>
                    <DeviceStream name="%s" uuid="%s-uuid">
                      <ComponentStream component="Controller" name="controller" componentId="c1">
                        <Events>%s</Events>
                      </ComponentStream>
                    </DeviceStream>
                  </Streams>
                </MTConnectStreams>
                """.formatted(instanceId, next, first, last, device, device, Arrays.stream(events).collect(Collectors.joining()));
    }

    /**
     * A Devices document (the answer to /probe, version 1.3 namespace) for device LT250 (serial number SN-4711 of
     * "Werkbridge Test Works", model LT 250) with one data item per id given, plus the agent's own device.
     */
    public static String devices(String instanceId, String... dataItemIds) {
        String items = Arrays.stream(dataItemIds)
                .map(id -> "<DataItem category=\"EVENT\" id=\"" + id + "\" type=\"EXECUTION\"/>")
                .collect(Collectors.joining());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <MTConnectDevices xmlns="urn:mtconnect.org:MTConnectDevices:1.3">
                  <Header creationTime="2026-11-20T09:59:00Z" sender="agent" instanceId="%s" version="1.3.0.18"
                      assetBufferSize="1024" assetCount="0" bufferSize="131072"/>
                  <Devices>
                    <Agent id="agent" name="Agent" uuid="agent-0001">
                      <DataItems><DataItem category="EVENT" id="agent_avail" type="AVAILABILITY"/></DataItems>
                    </Agent>
                    <Device id="d1" name="LT250" uuid="lt250-0001">
                      <Description manufacturer="Werkbridge Test Works" model="LT 250" serialNumber="SN-4711">Test lathe</Description>
                      <DataItems><DataItem category="EVENT" id="avail" type="AVAILABILITY"/></DataItems>
                      <Components>
                        <Controller id="c1" name="controller">
                          <DataItems>%s</DataItems>
                        </Controller>
                      </Components>
                    </Device>
                  </Devices>
                </MTConnectDevices>
                """.formatted(instanceId, items);
    }

    /** An MTConnectError document with one error code. */
    public static String error(String instanceId, String code) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <MTConnectError xmlns="urn:mtconnect.org:MTConnectError:1.3">
                  <Header creationTime="2026-11-20T10:00:00Z" sender="agent" instanceId="%s" version="1.3.0.18" bufferSize="131072"/>
                  <Errors><Error errorCode="%s">'from' must be greater than the first sequence</Error></Errors>
                </MTConnectError>
                """.formatted(instanceId, code);
    }
}

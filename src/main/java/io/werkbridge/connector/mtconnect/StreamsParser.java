package io.werkbridge.connector.mtconnect;

import io.werkbridge.model.InvalidSourceDataException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads MTConnect Streams documents ({@code MTConnectStreams}, any version of the
 * {@code urn:mtconnect.org:MTConnectStreams:*} namespace) and {@code MTConnectError} documents with StAX. A
 * document with a DTD is refused, so no entity is ever expanded or fetched (XXE). Observations of one device stream
 * (by name or uuid), or of all, come back sorted by sequence.
 */
public final class StreamsParser {

    private static final String STREAMS_NS = "urn:mtconnect.org:MTConnectStreams:";
    private static final String ERROR_NS = "urn:mtconnect.org:MTConnectError:";
    private static final Set<String> CONTAINERS = Set.of("Samples", "Events", "Condition");
    private static final List<String> CONDITION_ATTRIBUTES = List.of("nativeCode", "nativeSeverity", "qualifier");
    private static final int MAX_OBSERVATIONS = 100_000;

    /**
     * @param device the device name or uuid to read, or null for every device stream
     * @throws InvalidSourceDataException if the document is not well-formed, has a DTD, or is no Streams or Error
     *                                    document (the message names the rule, not the content)
     */
    public StreamsDocument parse(InputStream xml, String device) {
        return AgentXml.parse(xml, "agent response", reader -> read(reader, device));
    }

    private static StreamsDocument read(XMLStreamReader reader, String device) throws XMLStreamException {
        Header header = null;
        String root = null;
        List<Observation> observations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean inDevice = false;
        String container = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new InvalidSourceDataException("agent response has a DTD; documents with DTDs are refused");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                String local = reader.getLocalName();
                if ("DeviceStream".equals(local)) {
                    inDevice = false;
                } else if (CONTAINERS.contains(local)) {
                    container = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = reader.getLocalName();
            if (root == null) {
                root = checkRoot(reader);
            } else if ("Header".equals(local)) {
                header = header(reader);
            } else if ("DeviceStream".equals(local)) {
                inDevice = device == null || device.equals(reader.getAttributeValue(null, "name"))
                        || device.equals(reader.getAttributeValue(null, "uuid"));
            } else if ("Error".equals(local) && "MTConnectError".equals(root)) {
                String code = reader.getAttributeValue(null, "errorCode");
                errors.add(code == null ? "UNKNOWN" : code);
            } else if (inDevice && CONTAINERS.contains(local)) {
                container = local;
            } else if (inDevice && container != null) {
                if (observations.size() == MAX_OBSERVATIONS) {
                    throw new InvalidSourceDataException("agent response has more than " + MAX_OBSERVATIONS + " observations");
                }
                observations.add(observation(reader, container));
            }
        }
        if (header == null) {
            throw new InvalidSourceDataException("agent response has no Header");
        }
        if ("MTConnectError".equals(root) && errors.isEmpty()) {
            errors.add("UNKNOWN");
        }
        observations.sort(Comparator.comparingLong(Observation::sequence));
        return new StreamsDocument(header.instanceId, header.first, header.next, header.last, observations, errors);
    }

    private static String checkRoot(XMLStreamReader reader) {
        String local = reader.getLocalName();
        String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        if ("MTConnectStreams".equals(local) && ns.startsWith(STREAMS_NS)) {
            return local;
        }
        if ("MTConnectError".equals(local) && ns.startsWith(ERROR_NS)) {
            return local;
        }
        throw new InvalidSourceDataException("agent response is not an MTConnect Streams or Error document (root element "
                + local + (ns.isEmpty() ? " without namespace" : " in namespace " + ns) + ")");
    }

    private static Header header(XMLStreamReader reader) {
        String instanceId = reader.getAttributeValue(null, "instanceId");
        if (instanceId == null || instanceId.isBlank() || instanceId.length() > 64) {
            throw new InvalidSourceDataException("agent response Header has no usable instanceId");
        }
        return new Header(instanceId, number(reader, "firstSequence"), number(reader, "nextSequence"),
                number(reader, "lastSequence"));
    }

    private static long number(XMLStreamReader reader, String attribute) {
        String text = reader.getAttributeValue(null, attribute);
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSourceDataException("agent response Header attribute " + attribute + " is not a number");
        }
    }

    private static Observation observation(XMLStreamReader reader, String container) throws XMLStreamException {
        String element = reader.getLocalName();
        String dataItemId = reader.getAttributeValue(null, "dataItemId");
        if (dataItemId == null) {
            throw new InvalidSourceDataException("observation " + element + " at line "
                    + reader.getLocation().getLineNumber() + " has no dataItemId");
        }
        String name = reader.getAttributeValue(null, "name");
        long sequence = number(reader, "sequence");
        Instant timestamp = timestamp(reader.getAttributeValue(null, "timestamp"), dataItemId);
        Map<String, Object> condition = new LinkedHashMap<>();
        if ("Condition".equals(container)) {
            condition.put("level", element.toLowerCase(Locale.ROOT));
            for (String attribute : CONDITION_ATTRIBUTES) {
                String value = reader.getAttributeValue(null, attribute);
                if (value != null) {
                    condition.put(attribute, value);
                }
            }
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if ("Entry".equals(reader.getLocalName())) {
                    String key = reader.getAttributeValue(null, "key");
                    entries.put(key == null ? "entry" + entries.size() : key, reader.getElementText().strip());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            }
        }
        String content = text.toString().strip();
        Object value;
        if ("Condition".equals(container)) {
            if (!content.isEmpty()) {
                condition.put("text", content);
            }
            value = condition;
        } else {
            value = entries.isEmpty() ? content : entries;
        }
        return new Observation(dataItemId, name, sequence, timestamp, value);
    }

    /** ISO-8601 UTC; agents that leave out the zone mean UTC. */
    private static Instant timestamp(String text, String dataItemId) {
        if (text == null) {
            throw new InvalidSourceDataException("observation of " + dataItemId + " has no timestamp");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new InvalidSourceDataException("observation of " + dataItemId + " has a timestamp that is not ISO-8601");
            }
        }
    }

    private record Header(String instanceId, long first, long next, long last) {
    }
}

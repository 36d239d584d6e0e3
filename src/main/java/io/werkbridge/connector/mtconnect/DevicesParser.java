package io.werkbridge.connector.mtconnect;

import io.werkbridge.model.InvalidSourceDataException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an MTConnect Devices document ({@code MTConnectDevices}, any version of the
 * {@code urn:mtconnect.org:MTConnectDevices:*} namespace), the answer to {@code /probe}, with StAX. As for Streams
 * documents a DTD is refused, so no entity is expanded or fetched. The device is chosen by name or uuid; without a
 * name the document must describe exactly one device. The probe's own metadata says which data items are about a
 * person ({@link #personal}): the hub treats them as personal data, whatever a machine file calls them.
 */
public final class DevicesParser {

    private static final String DEVICES_NS = "urn:mtconnect.org:MTConnectDevices:";
    private static final int MAX_DATA_ITEMS = 10_000;
    private static final String USER = "USER";
    private static final String PERSONNEL = "Personnel";
    private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /**
     * @param device the device name or uuid, or null when the agent serves one device
     * @throws InvalidSourceDataException if the document is not well-formed, has a DTD, is no Devices document, or
     *                                    does not describe the device (the message names the rule, not the content)
     */
    public DevicesDocument parse(InputStream xml, String device) {
        return AgentXml.parse(xml, "agent /probe response", reader -> read(reader, device));
    }

    private static DevicesDocument read(XMLStreamReader reader, String wanted) throws XMLStreamException {
        boolean rootSeen = false;
        String instanceId = null;
        Instant createdAt = null;
        int devices = 0;
        int depth = 0;
        int deviceDepth = -1;
        int personnelDepth = -1;
        Found found = null;
        Found current = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new InvalidSourceDataException("agent /probe response has a DTD; documents with DTDs are refused");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == deviceDepth) {
                    deviceDepth = -1;
                    current = null;
                }
                if (depth == personnelDepth) {
                    personnelDepth = -1;
                }
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String local = reader.getLocalName();
            if (!rootSeen) {
                checkRoot(reader);
                rootSeen = true;
            } else if ("Header".equals(local)) {
                instanceId = reader.getAttributeValue(null, "instanceId");
                createdAt = instant(reader.getAttributeValue(null, "creationTime"));
            } else if (("Device".equals(local) || "Agent".equals(local)) && deviceDepth < 0) {
                String name = reader.getAttributeValue(null, "name");
                String uuid = reader.getAttributeValue(null, "uuid");
                if ("Device".equals(local)) {
                    devices++;
                }
                boolean chosen = "Device".equals(local) && (wanted == null || wanted.equals(name) || wanted.equals(uuid));
                deviceDepth = depth;
                current = chosen ? new Found(name, uuid) : null;
                if (chosen) {
                    found = current;
                }
            } else if (current != null && "Description".equals(local) && depth == deviceDepth + 1) {
                current.manufacturer = reader.getAttributeValue(null, "manufacturer");
                current.model = reader.getAttributeValue(null, "model");
                current.serialNumber = reader.getAttributeValue(null, "serialNumber");
            } else if (current != null && PERSONNEL.equals(local) && personnelDepth < 0) {
                personnelDepth = depth;
            } else if (current != null && "DataItem".equals(local)) {
                if (current.dataItems.size() >= MAX_DATA_ITEMS) {
                    throw new InvalidSourceDataException("agent /probe response has more than " + MAX_DATA_ITEMS + " data items");
                }
                String id = reader.getAttributeValue(null, "id");
                String name = reader.getAttributeValue(null, "name");
                add(current.dataItems, id);
                add(current.dataItems, name);
                String person = personal(reader.getAttributeValue(null, "type"), reader.getAttributeValue(null, "subType"),
                        personnelDepth >= 0);
                if (person != null) {
                    for (String key : new String[] {id, name}) {
                        if (key != null && !key.isBlank()) {
                            current.personalItems.put(key, person);
                        }
                    }
                }
            }
        }
        if (instanceId == null || instanceId.isBlank() || instanceId.length() > 64) {
            throw new InvalidSourceDataException("agent /probe response Header has no usable instanceId");
        }
        if (found == null) {
            throw new InvalidSourceDataException(wanted == null
                    ? "agent /probe response describes " + devices + " devices; name the device in the machine file"
                    : "agent /probe response does not describe the device named in the machine file");
        }
        if (wanted == null && devices > 1) {
            throw new InvalidSourceDataException("agent /probe response describes " + devices
                    + " devices; name the device in the machine file");
        }
        return new DevicesDocument(instanceId, createdAt, found.name, found.uuid, found.manufacturer, found.model,
                found.serialNumber, found.dataItems, found.personalItems);
    }

    /**
     * Why the probe makes a data item personal, or null. MTConnect's {@code USER} type is "the identifier of the
     * person currently responsible for operating the piece of equipment" (subTypes {@code OPERATOR},
     * {@code MAINTENANCE}, {@code SET_UP}, and any later one: the type alone decides), and a {@code Personnel}
     * component organizes the data of the people who work at the equipment, so every item inside it is about a
     * person whatever its type. The words come from the probe's schema attributes; anything else is not echoed.
     */
    static String personal(String type, String subType, boolean inPersonnel) {
        String reason = null;
        if (USER.equals(type)) {
            reason = "type USER" + (subType == null ? "" : ", subType " + (TOKEN.matcher(subType).matches() ? subType : "(not a schema word)"));
        }
        if (inPersonnel) {
            reason = (reason == null ? "" : reason + ", ") + "inside a Personnel component";
        }
        return reason;
    }

    private static void checkRoot(XMLStreamReader reader) {
        String local = reader.getLocalName();
        String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        if (!"MTConnectDevices".equals(local) || !ns.startsWith(DEVICES_NS)) {
            throw new InvalidSourceDataException("agent /probe response is not an MTConnect Devices document (root element "
                    + local + (ns.isEmpty() ? " without namespace" : " in namespace " + ns) + ")");
        }
    }

    private static void add(Set<String> items, String value) {
        if (value != null && !value.isBlank()) {
            items.add(value);
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidSourceDataException("agent /probe response Header creationTime is not ISO-8601");
        }
    }

    private static final class Found {
        private final String name;
        private final String uuid;
        private String manufacturer;
        private String model;
        private String serialNumber;
        private final Set<String> dataItems = new LinkedHashSet<>();
        private final Map<String, String> personalItems = new LinkedHashMap<>();

        Found(String name, String uuid) {
            this.name = name;
            this.uuid = uuid;
        }
    }
}

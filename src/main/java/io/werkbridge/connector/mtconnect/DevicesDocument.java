package io.werkbridge.connector.mtconnect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an agent's {@code /probe} says about one device: its identity (the {@code Device} element's name and uuid
 * and its {@code Description}'s manufacturer, model and serial number), the ids and names of its data items, and
 * which of them the probe declares to be about a person ({@code personalItems}: id and name of each such item →
 * the probe's words that say so, e.g. {@code type USER, subType SET_UP}).
 */
public record DevicesDocument(String instanceId, Instant createdAt, String name, String uuid, String manufacturer,
                              String model, String serialNumber, Set<String> dataItems,
                              Map<String, String> personalItems) {

    public DevicesDocument {
        dataItems = Set.copyOf(dataItems);
        personalItems = Map.copyOf(personalItems);
    }

    /** The device's identity as source values named {@code device.<attribute>}; absent attributes are left out. */
    public Map<String, String> identity() {
        Map<String, String> identity = new LinkedHashMap<>();
        for (List<String> pair : List.of(List.of("device.name", nullToEmpty(name)), List.of("device.uuid", nullToEmpty(uuid)),
                List.of("device.manufacturer", nullToEmpty(manufacturer)), List.of("device.model", nullToEmpty(model)),
                List.of("device.serialNumber", nullToEmpty(serialNumber)))) {
            if (!pair.get(1).isEmpty()) {
                identity.put(pair.get(0), pair.get(1));
            }
        }
        return identity;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}

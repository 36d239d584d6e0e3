package io.werkbridge.machine;

import java.util.Arrays;
import java.util.Optional;

/** How a machine talks to the hub; the name is the one used in machine files and in the status API. */
public enum Protocol {
    SERIAL("serial"),
    OPCUA("opcua"),
    MTCONNECT("mtconnect"),
    MODBUS("modbus");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Protocol> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}

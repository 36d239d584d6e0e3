package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.NamedOption;

/** The framings the serial connector speaks, by the name used in the endpoint URI. */
public enum Framing implements NamedOption {
    LINE("line"),
    STX_ETX("stx-etx"),
    SIEMENS_3964R("3964r"),
    MODBUS_RTU("modbus-rtu");

    private final String configName;

    Framing(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}

package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.NamedOption;

/** Flow control setting. */
public enum FlowControl implements NamedOption {
    NONE("none"),
    XONXOFF("xonxoff"),
    RTSCTS("rtscts");

    private final String configName;

    FlowControl(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}

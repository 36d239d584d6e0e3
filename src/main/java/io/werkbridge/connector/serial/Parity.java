package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.NamedOption;

/** Parity bit setting. */
public enum Parity implements NamedOption {
    NONE("none"),
    EVEN("even"),
    ODD("odd");

    private final String configName;

    Parity(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}

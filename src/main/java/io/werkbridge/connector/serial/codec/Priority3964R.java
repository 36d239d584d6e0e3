package io.werkbridge.connector.serial.codec;

/**
 * Who wins an initialization conflict (both partners send STX at once). The HIGH side ignores the
 * partner's STX and waits for DLE; the LOW side answers the partner's STX with DLE, receives its
 * block and sends its own afterwards.
 */
public enum Priority3964R implements NamedOption {
    HIGH("high"),
    LOW("low");

    private final String configName;

    Priority3964R(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}

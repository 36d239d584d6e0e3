package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.NamedOption;

/** Flow control setting. */
public enum FlowControl implements NamedOption {
    NONE, XONXOFF, RTSCTS
}

package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.NamedOption;

/** Parity bit setting. */
public enum Parity implements NamedOption {
    NONE, EVEN, ODD
}

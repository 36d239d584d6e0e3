package io.werkbridge.connector.serial.codec;

/**
 * Where the parity of an NC program's characters is checked. {@code none}: the port's UART does it (7E2) or there is
 * none (8N1), and every character must be 7-bit. {@code even}: ISO 840 code on an 8-bit port (8N1), the eighth bit is
 * the even parity bit of each character; the hub checks it on receive and sets it on send.
 */
public enum CodeParity implements NamedOption {
    NONE, EVEN
}

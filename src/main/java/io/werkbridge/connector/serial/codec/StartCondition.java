package io.werkbridge.connector.serial.codec;

/** When an NC program send begins: at the control's XON (DC1, the control is ready to read) or at once. */
public enum StartCondition implements NamedOption {
    XON, IMMEDIATE
}

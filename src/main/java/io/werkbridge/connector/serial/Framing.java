package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.NamedOption;

/** The framings the serial connector speaks, by the name used in the endpoint URI. */
public enum Framing implements NamedOption {
    LINE,
    STX_ETX,
    SIEMENS_3964R {
        @Override
        public String configName() {
            return "3964r";
        }
    },
    MODBUS_RTU,
    /** NC program transfer (DNC): leader, %, program, %, trailer. */
    NC_PROGRAM
}

/**
 * What an NC program's text says, as far as the hub needs it: its lines as code and comment, its program number, the
 * programmer a header comment names. The tape around it is the {@code nc-program} framing's (codec package).
 */
package io.werkbridge.connector.serial.nc;

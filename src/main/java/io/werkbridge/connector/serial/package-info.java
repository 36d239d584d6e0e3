/**
 * The {@code serial:} Camel component: serial ports (RS-232/RS-485 through jSerialComm) with
 * line, STX/ETX, Siemens 3964R and Modbus RTU framing. It depends on Camel and jSerialComm only,
 * never on Spring, so it resolves in a plain {@code DefaultCamelContext} through
 * {@code META-INF/services/org/apache/camel/component/serial}. See {@code docs/serial.md}.
 */
package io.werkbridge.connector.serial;

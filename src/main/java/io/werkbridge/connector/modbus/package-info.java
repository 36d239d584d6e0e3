/**
 * Modbus master side: read requests (functions 01-04), their responses and exception responses, the Modbus TCP
 * (MBAP) transport and the request/response pairing for Modbus RTU, whose CRC and silence framing is the
 * {@code serial:} component's {@code modbus-rtu} framing. Knows no Camel, no Spring and no other connector.
 */
package io.werkbridge.connector.modbus;

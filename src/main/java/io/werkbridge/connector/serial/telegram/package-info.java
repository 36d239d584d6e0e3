/**
 * Telegram formats carried inside serial frames: plain parsers from a frame's payload to named values, with no
 * Camel, Spring or port library. Errors name positions and keys, never values.
 */
package io.werkbridge.connector.serial.telegram;

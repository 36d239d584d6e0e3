package io.werkbridge.connector.serial.codec;

/**
 * A frame refused whole.
 *
 * @param reason   what is wrong and where (byte offset, line), never the frame's content
 * @param received the bytes of the frame received up to the refusal, for parking; never logged
 */
public record FrameRejection(String reason, byte[] received) {
}

/**
 * Framing codecs for serial links: streaming decoders that accept byte chunks split anywhere and
 * emit complete frames, the matching encoders, and the Siemens 3964R procedure as a thread-free
 * state machine. Nothing here knows Camel, threads or the serial port; time is passed in as
 * {@code System.nanoTime()}-style values so every timeout is unit-testable.
 *
 * <p>All decoders bound the frame they hold to {@code maxFrameLength} payload bytes: lengths are
 * checked before a byte is stored, an over-long frame is discarded and reported through
 * {@link io.werkbridge.connector.serial.codec.FrameListener#onOversizeFrame()}, and bad input is
 * reported, never thrown.
 */
package io.werkbridge.connector.serial.codec;

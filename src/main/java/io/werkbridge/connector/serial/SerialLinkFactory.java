package io.werkbridge.connector.serial;

/** Creates an unopened {@link SerialLink} for the given settings. */
@FunctionalInterface
public interface SerialLinkFactory {

    SerialLink create(SerialSettings settings);
}

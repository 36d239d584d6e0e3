package io.werkbridge.connector.mtconnect;

import java.time.Instant;

/**
 * One observation of an MTConnect Streams document (a sample, an event or a condition).
 *
 * @param dataItemId the data item's id
 * @param name       the data item's name, or null
 * @param sequence   the agent's sequence number of the observation
 * @param timestamp  when the device observed it
 * @param value      text for samples and events ({@code UNAVAILABLE} when the agent does not know the value), a map
 *                   of entries for data sets, and for conditions a map {@code level} (normal, warning, fault,
 *                   unavailable) with {@code nativeCode}, {@code nativeSeverity}, {@code qualifier}, {@code text}
 *                   where present
 */
public record Observation(String dataItemId, String name, long sequence, Instant timestamp, Object value) {
}

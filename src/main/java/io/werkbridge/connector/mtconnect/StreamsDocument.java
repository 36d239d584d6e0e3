package io.werkbridge.connector.mtconnect;

import java.util.List;

/**
 * What an agent answered to {@code /current} or {@code /sample}: its header and the observations in sequence
 * order, or, for an {@code MTConnectError} document, the error codes.
 *
 * @param instanceId    the agent instance (changes when the agent restarts and its sequence starts over)
 * @param firstSequence the oldest sequence still in the agent's buffer
 * @param nextSequence  the sequence to ask for next
 * @param lastSequence  the newest sequence in the agent's buffer
 * @param observations  observations sorted by sequence
 * @param errorCodes    error codes of an MTConnectError document, empty otherwise
 */
public record StreamsDocument(String instanceId, long firstSequence, long nextSequence, long lastSequence,
                              List<Observation> observations, List<String> errorCodes) {

    public StreamsDocument {
        observations = List.copyOf(observations);
        errorCodes = List.copyOf(errorCodes);
    }

    public boolean isError() {
        return !errorCodes.isEmpty();
    }
}

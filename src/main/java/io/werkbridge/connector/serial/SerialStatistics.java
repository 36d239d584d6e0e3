package io.werkbridge.connector.serial;

/**
 * A snapshot of one endpoint's counters since the endpoint was created. Counts only: payload bytes
 * are never kept.
 *
 * @param connected      whether the port is open right now
 * @param framesIn       frames decoded with a correct checksum
 * @param framesOut      frames written (3964R: acknowledged by the partner)
 * @param garbageBytes   bytes outside any frame, dropped
 * @param checksumErrors frames dropped for a wrong BCC or CRC
 * @param oversizeFrames frames dropped for exceeding maxFrameLength
 * @param reconnects     times the port was opened again after it had been open
 * @param sendFailures   sends that failed (not connected, write error, 3964R not acknowledged)
 */
public record SerialStatistics(boolean connected, long framesIn, long framesOut, long garbageBytes,
                               long checksumErrors, long oversizeFrames, long reconnects, long sendFailures) {
}

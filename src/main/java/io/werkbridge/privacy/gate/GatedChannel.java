package io.werkbridge.privacy.gate;

/**
 * A disclosure path that is not a Camel route but passes a destination's policy all the same (the telemetry export
 * to the monitoring destination), so the register lists it beside the routes instead of showing "no route".
 *
 * @param destination the destination whose policy every value passes
 * @param flow        what the register shows as the flow
 * @param id          what it shows as the route
 */
public record GatedChannel(String destination, String flow, String id) {
}

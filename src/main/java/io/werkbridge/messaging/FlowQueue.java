package io.werkbridge.messaging;

/**
 * A queue a flow consumes from: one destination's queue on the flow's multicast address, or the flow's inbound
 * queue. {@code name} is the last part of the queue name ({@code shop}, {@code inbound}).
 */
public record FlowQueue(String flow, String name, Kind kind) {

    public enum Kind { DESTINATION, INBOUND }

    public String queueName() {
        return FlowProperties.queue(flow, name);
    }

    public boolean isDestination() {
        return kind == Kind.DESTINATION;
    }

    /**
     * Where a message for this queue is sent so that only this queue receives it: a destination queue by its fully
     * qualified name on the flow's multicast address (sent as a JMS topic), the inbound queue by its own name.
     */
    public String sendAddress() {
        return isDestination() ? FlowProperties.address(flow) + "::" + queueName() : queueName();
    }
}

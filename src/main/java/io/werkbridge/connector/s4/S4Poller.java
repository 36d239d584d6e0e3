package io.werkbridge.connector.s4;

import io.werkbridge.messaging.FeedsFlows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The step of route {@code s4-business-partners}: a poll of S/4 when the connector is enabled. The bean exists
 * either way, so the route is the same in every configuration; it only starts when {@code werkbridge.s4.enabled}.
 * Nothing is read before the hub is ready (its endpoints and the broker are up): the timer may tick earlier.
 */
@Component("s4Poller")
public final class S4Poller {

    private final ObjectProvider<S4BusinessPartners> partners;
    private volatile boolean ready;

    public S4Poller(ObjectProvider<S4BusinessPartners> partners) {
        this.partners = partners;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        ready = true;
    }

    @FeedsFlows(value = S4BusinessPartners.FLOW, from = "S/4HANA")
    public void poll() {
        S4BusinessPartners reader = ready ? partners.getIfAvailable() : null;
        if (reader != null) {
            reader.poll();
        }
    }
}

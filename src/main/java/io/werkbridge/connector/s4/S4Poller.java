package io.werkbridge.connector.s4;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The step of route {@code s4-business-partners}: a poll of S/4 when the connector is enabled. The bean exists
 * either way, so the route is the same in every configuration; it only starts when {@code werkbridge.s4.enabled}.
 */
@Component("s4Poller")
public final class S4Poller {

    private final ObjectProvider<S4BusinessPartners> partners;

    public S4Poller(ObjectProvider<S4BusinessPartners> partners) {
        this.partners = partners;
    }

    public void poll() {
        S4BusinessPartners reader = partners.getIfAvailable();
        if (reader != null) {
            reader.poll();
        }
    }
}

package io.werkbridge.web;

import io.werkbridge.messaging.FlowProperties;
import io.werkbridge.messaging.QueueCounts;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the browser console needs beyond the public API: who is signed in (roles and the CSRF token for its POSTs)
 * and the flows with their queue depths. The page itself is static (classpath:static/console/).
 */
@RestController
public final class ConsoleController {

    private final FlowProperties flows;
    private final QueueCounts depths;

    public ConsoleController(FlowProperties flows, QueueCounts depths) {
        this.flows = flows;
        this.depths = depths;
    }

    @GetMapping({"/console", "/console/"})
    public RedirectView page() {
        return new RedirectView("/console/index.html", true);
    }

    public record Session(String user, List<String> roles, String csrfHeader, String csrfToken) {
    }

    @GetMapping("/console/session")
    public Session session(Authentication user, CsrfToken csrf) {
        List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList();
        return new Session(user.getName(), roles, csrf.getHeaderName(), csrf.getToken());
    }

    public record Destination(String id, int pending, int held) {
    }

    public record Flow(String id, List<Destination> destinations, int deadLettered) {
    }

    /** Every configured flow with the messages waiting per destination, held by the privacy gate, and dead-lettered. */
    @GetMapping("/console/flows")
    public List<Flow> flows() {
        return flows.flows().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Flow(e.getKey(), e.getValue().destinationNames().stream()
                        .map(d -> new Destination(d, depths.pending(e.getKey(), d), depths.held(e.getKey(), d)))
                        .toList(), depths.deadLettered(e.getKey())))
                .toList();
    }
}

package io.werkbridge.privacy.api;

import io.werkbridge.privacy.audit.ChainReport;
import io.werkbridge.privacy.audit.DisclosureEntry;
import io.werkbridge.privacy.audit.DisclosureQuery;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.audit.DisclosureVerifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading and verifying the disclosure log. Subject references are personal: the list is for the DPO role only. */
@RestController
@RequestMapping("/api/v1/audit")
public final class AuditController {

    private final DisclosureSearch search;
    private final DisclosureVerifier verifier;

    public AuditController(DisclosureSearch search, DisclosureVerifier verifier) {
        this.search = search;
        this.verifier = verifier;
    }

    @GetMapping("/disclosures")
    public List<DisclosureEntry> disclosures(@RequestParam(required = false) String subject,
                                             @RequestParam(required = false) String destination,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) Integer limit) {
        int max = limit == null ? DisclosureQuery.DEFAULT_LIMIT : limit;
        if (max < 1 || max > DisclosureQuery.MAX_LIMIT) {
            throw new InvalidApiRequestException("parameter 'limit' must be between 1 and " + DisclosureQuery.MAX_LIMIT);
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidApiRequestException("parameter 'from' must be before 'to'");
        }
        return search.find(new DisclosureQuery(blankToNull(subject), blankToNull(destination), start, end, max));
    }

    @GetMapping("/verify")
    public ChainReport verify() {
        return verifier.verify();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidApiRequestException("parameter '" + name
                    + "' must be an ISO-8601 instant in UTC, e.g. 2026-01-31T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

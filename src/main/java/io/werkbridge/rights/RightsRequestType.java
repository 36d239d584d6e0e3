package io.werkbridge.rights;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The data-subject rights Werkbridge carries to every system (GDPR Art. 15–21, consent revocation Art. 7(3)). */
public enum RightsRequestType {
    ACCESS, PORTABILITY, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, CONSENT_REVOCATION;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Access and portability collect data from every system into an export. */
    public boolean collects() {
        return this == ACCESS || this == PORTABILITY;
    }

    /** Erasure and rectification change data at every system that received it. */
    public boolean changesRecipients() {
        return this == ERASURE || this == RECTIFICATION;
    }

    /** Restriction, objection and consent revocation stop flows in the privacy gate until lifted. */
    public boolean stopsProcessing() {
        return this == RESTRICTION || this == OBJECTION || this == CONSENT_REVOCATION;
    }

    public static RightsRequestType parse(String id) {
        for (RightsRequestType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown request type; expected one of "
                + Arrays.stream(values()).map(RightsRequestType::id).collect(Collectors.joining(", ")));
    }
}

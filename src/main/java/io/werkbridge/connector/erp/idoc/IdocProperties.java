package io.werkbridge.connector.erp.idoc;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the SAP IDocs of this installation are read ({@code werkbridge.erp.idoc.*}).
 *
 * @param personAccountGroups customer account groups (KTOKD) that this SAP system uses only for natural persons,
 *                            e.g. a group for private or sole-trader customers; empty when there is none. Account
 *                            groups are each system's own customizing, so the hub knows none by itself.
 */
@Validated
@ConfigurationProperties("werkbridge.erp.idoc")
public record IdocProperties(@NotNull List<@NotNull @Pattern(regexp = "[A-Za-z0-9]{1,4}",
        message = "an account group (KTOKD) is 1 to 4 letters or digits") String> personAccountGroups) {

    public IdocProperties {
        personAccountGroups = personAccountGroups == null ? List.of() : List.copyOf(personAccountGroups);
    }

    public SapPartyKinds partyKinds() {
        return new SapPartyKinds(personAccountGroups);
    }
}
